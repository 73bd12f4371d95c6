// The one list of domain modules, in dependency order: adding a module is one line here.
import type { KithModule } from "../kith-module";
import { placesModule } from "./places";
import { organisationsModule } from "./organisations";
import { clustersModule } from "./clusters";
import { impactModule } from "./impact";
import { fundsModule } from "./funds";
import { assetsModule } from "./assets";
import { housingModule } from "./housing";
import { accountsModule } from "./accounts";
import { decisionsModule } from "./decisions";
import { partnersModule } from "./partners";

export const modules: KithModule[] = [
  placesModule, organisationsModule, clustersModule, impactModule, fundsModule, assetsModule, housingModule, decisionsModule, partnersModule,
  accountsModule,
];
