// Uplift since transfer: what a community-held asset was worth when it passed into community hands (the market value
// of that transfer) against its latest market valuation since. Summed in SQL per asset, per holder and per place.
import type { DataSource, EntityManager } from "typeorm";
import { placesApi } from "../../places/places.api";

/**
 * Per community-held asset: the market value at its latest completed transfer, and its latest MARKET_VALUE valuation
 * dated after that transfer (null when not revalued since; a valuation on the day of completion is the transfer's own).
 */
export const ASSET_UPLIFT_SQL = `
  SELECT a.id AS asset_id, a.community_holder_id AS holder_id, a.place_id,
         t.market_value_pence AS value_at_transfer_pence, v.amount_pence AS latest_value_pence, v.valued_on::text AS revalued_on
    FROM asset a
    JOIN LATERAL (SELECT t.market_value_pence FROM asset_transfer t
                   WHERE t.asset_id = a.id AND t.to_organisation_id = a.community_holder_id AND t.completed_on = a.transferred_on
                   ORDER BY t.updated_at DESC LIMIT 1) t ON true
    LEFT JOIN LATERAL (SELECT v.amount_pence, v.valued_on FROM asset_valuation v
                        WHERE v.asset_id = a.id AND v.basis = 'MARKET_VALUE' AND v.valued_on > a.transferred_on
                        ORDER BY v.valued_on DESC, v.recorded_at DESC LIMIT 1) v ON true
   WHERE a.community_holder_id IS NOT NULL`;

const TOTALS = `count(*)::int AS assets, count(u.latest_value_pence)::int AS revalued,
  coalesce(sum(u.value_at_transfer_pence), 0)::bigint AS value_at_transfer_pence,
  coalesce(sum(coalesce(u.latest_value_pence, u.value_at_transfer_pence)), 0)::bigint AS current_value_pence`;

/** The figures of each holder's community-held assets, one row per holder (`__parent`). */
export const HOLDER_UPLIFT_SQL = `SELECT u.holder_id AS __parent, ${TOTALS} FROM (${ASSET_UPLIFT_SQL}) u GROUP BY u.holder_id`;

/** The figures of the community-held assets in the places bound as $1. */
const IN_PLACES_UPLIFT_SQL = `SELECT ${TOTALS} FROM (${ASSET_UPLIFT_SQL}) u WHERE u.place_id = ANY($1)`;

export interface UpliftTotals {
  assets: number;
  revalued: number;
  valueAtTransferPence: number;
  currentValuePence: number;
  /** currentValue − valueAtTransfer: what the community's stewardship has added (negative when value fell). */
  upliftPence: number;
}

/** A row of the totals as figures (no row: no community-held assets). */
export function toUpliftTotals(row: Record<string, unknown> | null | undefined): UpliftTotals {
  const valueAtTransferPence = Number(row?.value_at_transfer_pence ?? 0);
  const currentValuePence = Number(row?.current_value_pence ?? 0);
  return {
    assets: Number(row?.assets ?? 0), revalued: Number(row?.revalued ?? 0),
    valueAtTransferPence, currentValuePence, upliftPence: currentValuePence - valueAtTransferPence,
  };
}

/** Uplift per place asked (places that do not exist are left out), each counting the assets in it and every place inside it. */
export async function upliftByPlace(db: DataSource | EntityManager, placeIds: string[]): Promise<{ placeId: string; totals: UpliftTotals }[]> {
  const rows: { placeId: string; totals: UpliftTotals }[] = [];
  for (const placeId of placeIds) {
    const within = await placesApi.withDescendants(db, [placeId]);
    if (within.length) rows.push({ placeId, totals: toUpliftTotals((await db.query(IN_PLACES_UPLIFT_SQL, [within]))[0]) });
  }
  return rows;
}
