// What later modules may ask of community-led housing (they never read its tables): homes delivered per place and
// year, and the figures a region's summary takes (the pipeline, homes planned and completed) for places and a period.
import type { DataSource, EntityManager } from "typeorm";
import { placesApi } from "../places/places.api";
import { HomesRoute } from "./housing.enums";
import { homesDeliveredByPlaceAndYear, HomesDelivered } from "./homes-delivered";

type Db = DataSource | EntityManager;

/** A region's community-led housing figures for places (each with the places inside it) over a period of days. */
export interface HousingRegionFigures {
  /** Schemes started by the period's end and not yet built (their homes still to come), and the homes they plan. */
  schemesInPipeline: number;
  homesPlanned: number;
  /** Homes completed in the period, and of those empty homes brought back into use and new build. */
  homesCompleted: number;
  emptyHomesCompleted: number;
  newBuildCompleted: number;
}

export const housingApi = {
  /** Schemes by id, with their place and stage (missing ids are simply absent). */
  async schemesByIds(db: Db, ids: string[]): Promise<Map<string, { id: string; name: string; placeId: string; stage: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; place_id: string; stage: string }[] = await db.query(
      "SELECT id, name, place_id, stage FROM housing_scheme WHERE id = ANY($1)", [ids]);
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, placeId: r.place_id, stage: r.stage }]));
  },

  /** Homes completed per place asked and calendar year, every year of the range (none included), by route and tenure. */
  homesByPlaceAndYear(db: Db, placeIds: string[], fromYear: number, toYear: number): Promise<HomesDelivered[]> {
    return homesDeliveredByPlaceAndYear(db, placeIds, fromYear, toYear);
  },

  /** The region summary's part from this module: `from` and `to` are calendar days, both counted. */
  async regionFigures(db: Db, placeIds: string[], from: string, to: string): Promise<HousingRegionFigures> {
    const places = await placesApi.withDescendants(db, placeIds);
    const [row] = await db.query(
      `SELECT
         (SELECT count(*)::int FROM housing_scheme s
           WHERE s.place_id = ANY($1) AND s.started_on <= $3 AND (s.completed_on IS NULL OR s.completed_on > $3)) AS schemes,
         (SELECT coalesce(sum(h.planned), 0)::int FROM housing_scheme s JOIN housing_scheme_homes h ON h.scheme_id = s.id
           WHERE s.place_id = ANY($1) AND s.started_on <= $3 AND (s.completed_on IS NULL OR s.completed_on > $3)) AS planned,
         (SELECT coalesce(sum(c.homes), 0)::int FROM housing_scheme s JOIN housing_completion c ON c.scheme_id = s.id
           WHERE s.place_id = ANY($1) AND c.completed_on BETWEEN $2 AND $3) AS completed,
         (SELECT coalesce(sum(c.homes), 0)::int FROM housing_scheme s JOIN housing_completion c ON c.scheme_id = s.id
           WHERE s.place_id = ANY($1) AND c.completed_on BETWEEN $2 AND $3 AND c.route = $4) AS empty_homes`,
      [places, from, to, HomesRoute.EMPTY_HOMES],
    );
    return {
      schemesInPipeline: row.schemes, homesPlanned: row.planned, homesCompleted: row.completed,
      emptyHomesCompleted: row.empty_homes, newBuildCompleted: row.completed - row.empty_homes,
    };
  },
};
