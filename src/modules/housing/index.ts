// The housing module: community-led housing schemes led by community land trusts, homes planned and completed by tenure
// and route, partnerships with housing associations, and homes delivered per place and year.
import type { KithModule } from "../../kith-module";
import { regionFigureSources } from "../impact/impact.api";
import { housingRegionFigures } from "./housing.impact";
import { HousingScheme } from "./scheme.entity";
import { HomesCompletion, SchemeHomes } from "./homes.entity";
import { SchemeStageChange } from "./scheme-stage.entity";
import { Housing1764100000600 } from "./migrations/1764100000600-Housing";
import { HousingResolver } from "./housing.resolver";
import { HomesDeliveredFieldsResolver, HousingSchemeFieldsResolver, SchemeStageChangeFieldsResolver } from "./scheme-fields.resolver";
import { housingLoaders } from "./housing.loaders";
import { schemeRelations } from "./housing.relations";
import { housingAccess } from "./access";
import { loadDemoHousing } from "./housing.demo";
import { generateScaleHousing } from "./housing.scale";
import { housingScopes } from "./housing.scopes";
import { housingPolicy } from "./access.policy";

export const housingModule: KithModule = {
  name: "housing",
  scopes: housingScopes,
  entities: [HousingScheme, SchemeHomes, HomesCompletion, SchemeStageChange],
  migrations: [Housing1764100000600],
  resolvers: [HousingResolver, HousingSchemeFieldsResolver, SchemeStageChangeFieldsResolver, HomesDeliveredFieldsResolver],
  loaders: housingLoaders,
  relations: Object.values(schemeRelations),
  accessPolicy: housingPolicy,
  nodeTypes: {
    HousingScheme: { load: async (ctx, key) => (housingAccess.read(ctx.viewer) ? ctx.loaders.housingSchemeById.load(key) : null) },
  },
  contributes: [regionFigureSources.provide(housingRegionFigures)],
  demo: loadDemoHousing,
  scale: generateScaleHousing,
};
