// Per-request loaders of assets, transfer cases and listings by ID (for node(id:) and payloads); relations are in
// assets.relations.ts.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey } from "../../graphql/loaders";
import { Asset } from "./register/asset.entity";
import { AssetTransfer } from "./transfers/transfer.entity";
import { AcvListing } from "./acv/listing.entity";

declare module "../../graphql/context" {
  interface Loaders {
    assetById: DataLoader<string, Asset | null>;
    assetTransferById: DataLoader<string, AssetTransfer | null>;
    acvListingById: DataLoader<string, AcvListing | null>;
  }
}

export function assetsLoaders(db: DataSource) {
  return {
    assetById: loaderByKey(db, Asset),
    assetTransferById: loaderByKey(db, AssetTransfer),
    acvListingById: loaderByKey(db, AcvListing),
  };
}
