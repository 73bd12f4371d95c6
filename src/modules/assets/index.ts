// The assets module: the community asset register with valuations and uplift, community asset transfer cases, and
// Assets of Community Value with their moratoria.
import type { KithModule } from "../../kith-module";
import { regionFigureSources } from "../impact/impact.api";
import { assetRegionFigures } from "./assets.impact";
import { Asset } from "./register/asset.entity";
import { AssetValuation } from "./register/valuation.entity";
import { AssetTransfer } from "./transfers/transfer.entity";
import { TransferStageChange } from "./transfers/transfer-stage.entity";
import { AcvListing } from "./acv/listing.entity";
import { AcvDisposal, AcvDisposalNotice, AcvIntentToBid } from "./acv/notice.entity";
import { Assets1764100000500 } from "./migrations/1764100000500-Assets";
import { AssetsResolver } from "./register/assets.resolver";
import {
  AssetFieldsResolver, AssetValuationFieldsResolver, OrganisationAssetsResolver, PlaceAssetUpliftFieldsResolver,
} from "./register/asset-fields.resolver";
import { AssetTransfersResolver } from "./transfers/transfers.resolver";
import { AssetTransferFieldsResolver, TransferStageChangeFieldsResolver } from "./transfers/transfer-fields.resolver";
import { AcvResolver } from "./acv/acv.resolver";
import {
  AcvDisposalFieldsResolver, AcvDisposalNoticeFieldsResolver, AcvIntentToBidFieldsResolver, AcvListingFieldsResolver,
} from "./acv/listing-fields.resolver";
import { assetsLoaders } from "./assets.loaders";
import {
  assetRelations, disposalRelations, intentRelations, listingRelations, noticeRelations, organisationAssetRelations, transferRelations,
} from "./assets.relations";
import { assetAccess, transferAccess } from "./access";
import { loadDemoAssets } from "./assets.demo";
import { generateScaleAssets } from "./assets.scale";
import { assetsScopes } from "./assets.scopes";
import { assetsPolicy } from "./access.policy";

export const assetsModule: KithModule = {
  name: "assets",
  scopes: assetsScopes,
  entities: [Asset, AssetValuation, AssetTransfer, TransferStageChange, AcvListing, AcvDisposalNotice, AcvIntentToBid, AcvDisposal],
  migrations: [Assets1764100000500],
  resolvers: [
    AssetsResolver, AssetFieldsResolver, AssetValuationFieldsResolver, PlaceAssetUpliftFieldsResolver, OrganisationAssetsResolver,
    AssetTransfersResolver, AssetTransferFieldsResolver, TransferStageChangeFieldsResolver,
    AcvResolver, AcvListingFieldsResolver, AcvDisposalNoticeFieldsResolver, AcvIntentToBidFieldsResolver, AcvDisposalFieldsResolver,
  ],
  loaders: assetsLoaders,
  relations: [
    organisationAssetRelations, assetRelations, transferRelations, listingRelations, noticeRelations, intentRelations, disposalRelations,
  ].flatMap((r) => Object.values(r)),
  accessPolicy: assetsPolicy,
  nodeTypes: {
    Asset: { load: async (ctx, key) => (assetAccess.readsRegister(ctx.viewer) ? ctx.loaders.assetById.load(key) : null) },
    AssetTransfer: {
      async load(ctx, key) {
        const transfer = await ctx.loaders.assetTransferById.load(key);
        return transfer && transferAccess.allows(ctx.viewer, transfer) ? transfer : null;
      },
    },
    AcvListing: { load: async (ctx, key) => (assetAccess.readsRegister(ctx.viewer) ? ctx.loaders.acvListingById.load(key) : null) },
  },
  contributes: [regionFigureSources.provide(assetRegionFigures)],
  demo: loadDemoAssets,
  scale: generateScaleAssets,
};
