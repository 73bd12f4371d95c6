// Per-request loaders of housing schemes by ID (for node(id:)); relations are in housing.relations.ts.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey } from "../../graphql/loaders";
import { HousingScheme } from "./scheme.entity";

declare module "../../graphql/context" {
  interface Loaders {
    housingSchemeById: DataLoader<string, HousingScheme | null>;
  }
}

export function housingLoaders(db: DataSource) {
  return { housingSchemeById: loaderByKey(db, HousingScheme) };
}
