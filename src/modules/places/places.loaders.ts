// Per-request loaders for places.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderOfMany } from "../../graphql/loaders";
import { Place } from "./place.entity";

declare module "../../graphql/context" {
  interface Loaders {
    placeById: DataLoader<string, Place | null>;
    placesByParent: DataLoader<string, Place[]>;
  }
}

export function placesLoaders(db: DataSource) {
  return {
    placeById: loaderByKey(db, Place),
    placesByParent: loaderOfMany(db, Place, "parent_id", (p) => p.parentId!, "t.name"),
  };
}
