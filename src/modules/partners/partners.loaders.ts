// Per-request loaders of partners by ID (for node(id:)); relations are in partners.relations.ts.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey } from "../../graphql/loaders";
import { Partner } from "./partner.entity";

declare module "../../graphql/context" {
  interface Loaders {
    partnerById: DataLoader<string, Partner | null>;
  }
}

export function partnersLoaders(db: DataSource) {
  return { partnerById: loaderByKey(db, Partner) };
}
