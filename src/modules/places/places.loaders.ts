// Per-request loaders for places.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey } from "../../graphql/loaders";
import { Place } from "./place.entity";

declare module "../../graphql/context" {
  interface Loaders {
    placeById: DataLoader<string, Place | null>;
  }
}

export function placesLoaders(db: DataSource) {
  return {
    placeById: loaderByKey(db, Place),
  };
}
