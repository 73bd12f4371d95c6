// What later modules may ask of community assets (they never read its tables): assets by id for a housing site, and the
// figures a region's summary takes (transfers, listings, moratoria, uplift) for places and a period.
import type { DataSource, EntityManager } from "typeorm";
import { placesApi } from "../places/places.api";
import { assetOf } from "./assets.relations";
import { AcvListingStatus, COMPLETED_TRANSFER_STAGES, OPEN_TRANSFER_STAGES } from "./assets.enums";
import { Asset } from "./register/asset.entity";
import { upliftByPlace, UpliftTotals } from "./register/uplift";
import { LEASE_YEARS } from "./transfers/transfers.service";
import { AssetTransfer } from "./transfers/transfer.entity";
import { transferCompletionChecks, type TransferCompletionCheck } from "./transfers/completion-checks";

export type { TransferCompletionCheck };

/** What another module needs of a transfer case: which asset, to whom, where, and how far it has gone. */
export interface TransferFacts {
  id: string;
  assetId: string;
  toOrganisationId: string;
  stage: string;
  placeId: string;
}

type Db = DataSource | EntityManager;

/** A region's community-asset figures for places (each with the places inside it) over a period of days. */
export interface AssetRegionFigures {
  /** Transfers completed in the period, their market value, what was paid, and the discount (the community's gain). */
  transfersCompleted: number;
  marketValuePence: number;
  considerationPence: number;
  communityGainPence: number;
  /** Assets entered in the list of Assets of Community Value in the period. */
  assetsListed: number;
  /** Owners' notices whose moratorium (interim, or full after an intent to bid) ran on at least one day of the period. */
  moratoriaLive: number;
  /** Assets in community hands at the end of the period (by the day of their latest completed transfer). */
  assetsHeld: number;
}

export const assetsApi = {
  /** A lease runs for 1 to 999 years: the rule transfers keep, for other modules' leases too (a housing partnership's). */
  LEASE_YEARS,

  /** Assets, by name, that any of `holderIds` hold for the community or that lie in `placeIds` (with the places inside them). */
  async find(db: Db, o: { holderIds?: string[]; placeIds?: string[] }): Promise<Asset[]> {
    const qb = db.getRepository(Asset).createQueryBuilder("a").orderBy("lower(a.name)").addOrderBy("a.id");
    if (o.holderIds) qb.andWhere("a.community_holder_id = ANY(:holders)", { holders: o.holderIds });
    if (o.placeIds) qb.andWhere("a.place_id = ANY(:places)", { places: await placesApi.withDescendants(db, o.placeIds) });
    return qb.getMany();
  },

  /** Assets by id (missing ids are simply absent). */
  async byIds(db: Db, ids: string[]): Promise<Map<string, Asset>> {
    if (!ids.length) return new Map();
    const rows = await db.getRepository(Asset).createQueryBuilder("a").where("a.id = ANY(:ids)", { ids }).getMany();
    return new Map(rows.map((a) => [a.id, a]));
  },

  /** Transfer cases by id, with their asset's place (missing ids are simply absent). */
  async transfersByIds(db: Db, ids: string[]): Promise<Map<string, TransferFacts>> {
    if (!ids.length) return new Map();
    const rows = await db.getRepository(AssetTransfer).createQueryBuilder("t").where("t.id = ANY(:ids)", { ids }).getMany();
    const assets = await assetsApi.byIds(db, [...new Set(rows.map((t) => t.assetId))]);
    return new Map(rows.map((t) => [t.id, { id: t.id, assetId: t.assetId, toOrganisationId: t.toOrganisationId, stage: t.stage, placeId: assets.get(t.assetId)!.placeId }]));
  },

  /** Transfer cases still in progress, oldest first (e.g. for a resident ballot in another module's demo). */
  async openTransferIds(db: Db): Promise<string[]> {
    const rows: { id: string }[] = await db.query("SELECT id FROM asset_transfer WHERE stage = ANY($1) ORDER BY started_on, id", [[...OPEN_TRANSFER_STAGES]]);
    return rows.map((r) => r.id);
  },

  /** Rules other modules hold over completing a transfer: contribute a TransferCompletionCheck here. */
  transferCompletionChecks,

  /** A relation of another type whose `parentKey` column holds an asset's id: that asset (e.g. a housing scheme's site). */
  asRelation: assetOf,

  /** The region summary's part from this module: `from` and `to` are calendar days, both counted. */
  async regionFigures(db: Db, placeIds: string[], from: string, to: string): Promise<AssetRegionFigures> {
    const places = await placesApi.withDescendants(db, placeIds);
    const [row] = await db.query(
      `SELECT
         (SELECT count(*)::int FROM asset_transfer t JOIN asset a ON a.id = t.asset_id
           WHERE a.place_id = ANY($1) AND t.stage = ANY($4) AND t.completed_on BETWEEN $2 AND $3) AS transfers_completed,
         (SELECT coalesce(sum(t.market_value_pence), 0)::bigint FROM asset_transfer t JOIN asset a ON a.id = t.asset_id
           WHERE a.place_id = ANY($1) AND t.stage = ANY($4) AND t.completed_on BETWEEN $2 AND $3) AS market_value_pence,
         (SELECT coalesce(sum(t.consideration_pence), 0)::bigint FROM asset_transfer t JOIN asset a ON a.id = t.asset_id
           WHERE a.place_id = ANY($1) AND t.stage = ANY($4) AND t.completed_on BETWEEN $2 AND $3) AS consideration_pence,
         (SELECT count(*)::int FROM acv_listing l JOIN asset a ON a.id = l.asset_id
           WHERE a.place_id = ANY($1) AND l.status = $5 AND l.listed_on BETWEEN $2 AND $3) AS assets_listed,
         (SELECT count(*)::int FROM acv_disposal_notice n JOIN acv_listing l ON l.id = n.listing_id JOIN asset a ON a.id = l.asset_id
           WHERE a.place_id = ANY($1) AND n.notice_on <= $3 AND coalesce(n.full_ends_on, n.interim_ends_on) >= $2) AS moratoria_live,
         (SELECT count(*)::int FROM asset a WHERE a.place_id = ANY($1) AND a.transferred_on <= $3) AS assets_held`,
      [places, from, to, [...COMPLETED_TRANSFER_STAGES], AcvListingStatus.LISTED],
    );
    return {
      transfersCompleted: row.transfers_completed, marketValuePence: Number(row.market_value_pence), considerationPence: Number(row.consideration_pence),
      communityGainPence: Number(row.market_value_pence) - Number(row.consideration_pence),
      assetsListed: row.assets_listed, moratoriaLive: row.moratoria_live, assetsHeld: row.assets_held,
    };
  },

  /** The uplift since transfer of community-held assets, per place asked (each with the places inside it). */
  upliftByPlace(db: Db, placeIds: string[]): Promise<{ placeId: string; totals: UpliftTotals }[]> {
    return upliftByPlace(db, placeIds);
  },
};
