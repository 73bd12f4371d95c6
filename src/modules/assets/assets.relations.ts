// The relations of assets, transfer cases and listings (and Organisation.assets), declared once for folded reads and
// batched loads. Cases in negotiation are limited by access.ts in their SQL; organisations come through organisationsApi.
import type { Context } from "../../graphql/context";
import { Ordering } from "../../graphql/connection";
import { rowShape } from "../../graphql/rows";
import { RelationSpec, relationsOf } from "../../graphql/relations";
import { Sql, sql } from "../../graphql/sql";
import { Place } from "../places/place.entity";
import { organisationsApi } from "../organisations/organisations.api";
import { assetAccess, transferAccess } from "./access";
import { AcvListingStatus } from "./assets.enums";
import { Asset } from "./register/asset.entity";
import { AssetUplift } from "./register/register.types";
import { AssetValuation } from "./register/valuation.entity";
import { ASSET_UPLIFT_SQL, HOLDER_UPLIFT_SQL, toUpliftTotals } from "./register/uplift";
import { AssetTransfer } from "./transfers/transfer.entity";
import { TransferStageChange } from "./transfers/transfer-stage.entity";
import { AcvListing } from "./acv/listing.entity";
import { AcvDisposal, AcvDisposalNotice, AcvIntentToBid } from "./acv/notice.entity";

type Db = Parameters<typeof rowShape>[0];
const columns = (db: Db, entity: abstract new () => object, alias: string) => rowShape(db, entity).select(alias);
const organisation = (column: string, property: string) => organisationsApi.asRelation({ column, property });

const BY_NAME: Ordering = { name: "NAME", keys: ["sort_name", "id"], direction: "ASC" };
const NEWEST_CASE_FIRST: Ordering = { name: "STARTED_ON", keys: ["started_on", "id"], direction: "DESC" };

/** A relation of another type whose `parentKey` column holds an asset's id: that asset. */
export function assetOf(parentKey: { column: string; property: string }): RelationSpec {
  return {
    kind: "one", target: () => Asset, parentKey,
    from: (ctx: Context) => sql`SELECT ${Sql.raw(columns(ctx.app.db, Asset, "a"))}, a.id AS __parent FROM asset a
      WHERE ${assetAccess.condition(ctx.viewer)}`,
  };
}
const asset = assetOf({ column: "asset_id", property: "assetId" });

export const organisationAssetRelations = relationsOf("Organisation", {
  /** What the organisation owns or holds (a freehold it gained by transfer counts once). */
  assets: {
    kind: "page", target: () => Asset, ordering: BY_NAME,
    from: (ctx) => {
      const select = (parent: string) => `SELECT ${columns(ctx.app.db, Asset, "a")}, lower(a.name) AS sort_name, a.${parent} AS __parent
        FROM asset a WHERE a.${parent} IS NOT NULL`;
      return sql`SELECT * FROM (${Sql.raw(select("owner_organisation_id"))} UNION ${Sql.raw(select("community_holder_id"))}) held
        WHERE ${assetAccess.condition(ctx.viewer)}`;
    },
  },
  // No row: the organisation holds nothing for the community, so every figure is nought (never null).
  assetUplift: { kind: "one", from: () => Sql.raw(HOLDER_UPLIFT_SQL), present: (row) => AssetUplift.of(toUpliftTotals(row as Record<string, unknown> | null)) },
});

export const assetRelations = relationsOf("Asset", {
  place: {
    kind: "one", target: () => Place, parentKey: { column: "place_id", property: "placeId" },
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, Place, "p")}, p.id AS __parent FROM place p`),
  },
  ownerOrganisation: organisation("owner_organisation_id", "ownerOrganisationId"),
  communityHolder: organisation("community_holder_id", "communityHolderId"),
  valuations: {
    kind: "many", target: () => AssetValuation, orderBy: ["valued_on DESC", "recorded_at DESC"],
    from: () => Sql.raw("SELECT v.*, v.asset_id AS __parent FROM asset_valuation v"),
  },
  latestValuation: {
    kind: "one", target: () => AssetValuation, orderBy: ["valued_on DESC", "recorded_at DESC"],
    from: () => Sql.raw("SELECT v.*, v.asset_id AS __parent FROM asset_valuation v"),
  },
  uplift: {
    kind: "one", from: () => Sql.raw(`SELECT u.*, u.asset_id AS __parent FROM (${ASSET_UPLIFT_SQL}) u`),
    backs: ["valueAtTransfer", "upliftSinceTransfer"],
  },
  transfers: {
    kind: "page", target: () => AssetTransfer, ordering: NEWEST_CASE_FIRST,
    from: (ctx) => sql`SELECT ${Sql.raw(columns(ctx.app.db, AssetTransfer, "t"))}, t.asset_id AS __parent FROM asset_transfer t
      WHERE ${transferAccess.condition(ctx.viewer, "t")}`,
  },
  acvListing: {
    kind: "one", target: () => AcvListing, orderBy: ["listed_on DESC", "id DESC"],
    from: (ctx) => sql`SELECT ${Sql.raw(columns(ctx.app.db, AcvListing, "l"))}, l.asset_id AS __parent FROM acv_listing l
      WHERE l.status = ${AcvListingStatus.LISTED}`,
  },
  acvListings: {
    kind: "many", target: () => AcvListing, orderBy: ["nominated_on DESC", "id DESC"],
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, AcvListing, "l")}, l.asset_id AS __parent FROM acv_listing l`),
  },
});

export const transferRelations = relationsOf("AssetTransfer", {
  asset,
  fromOrganisation: organisation("from_organisation_id", "fromOrganisationId"),
  toOrganisation: organisation("to_organisation_id", "toOrganisationId"),
  stageHistory: {
    kind: "many", target: () => TransferStageChange, orderBy: ["recorded_at", "id"],
    from: () => Sql.raw("SELECT s.*, s.transfer_id AS __parent FROM asset_transfer_stage s"),
  },
});

export const listingRelations = relationsOf("AcvListing", {
  asset,
  nominatedBy: organisation("nominated_by_id", "nominatedById"),
  notices: {
    kind: "many", target: () => AcvDisposalNotice, orderBy: ["notice_on", "recorded_at"],
    from: () => Sql.raw("SELECT n.*, n.listing_id AS __parent FROM acv_disposal_notice n"),
  },
  /** The latest notice, whose moratorium and protected period the listing shows. */
  latestNotice: {
    kind: "one", target: () => AcvDisposalNotice, orderBy: ["notice_on DESC", "recorded_at DESC"],
    from: () => Sql.raw("SELECT n.*, n.listing_id AS __parent FROM acv_disposal_notice n"),
    backs: ["moratoriumEndsOn", "protectedUntil"],
  },
  disposals: {
    kind: "many", target: () => AcvDisposal, orderBy: ["disposed_on", "recorded_at"],
    from: () => Sql.raw("SELECT d.*, d.listing_id AS __parent FROM acv_disposal d"),
  },
});

export const noticeRelations = relationsOf("AcvDisposalNotice", {
  intentsToBid: {
    kind: "many", target: () => AcvIntentToBid, orderBy: ["requested_on", "recorded_at"],
    from: () => Sql.raw("SELECT i.*, i.notice_id AS __parent FROM acv_intent_to_bid i"),
  },
});

export const intentRelations = relationsOf("AcvIntentToBid", { organisation: organisation("organisation_id", "organisationId") });
export const disposalRelations = relationsOf("AcvDisposal", { buyer: organisation("buyer_organisation_id", "buyerOrganisationId") });
