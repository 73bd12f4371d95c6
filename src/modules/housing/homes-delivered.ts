// Homes delivered per place and year: completions counted by the year of the day they happened, for each place asked
// with the places inside it, every year of the range (years with none included), by route and by tenure.
import type { DataSource, EntityManager } from "typeorm";
import { placesApi } from "../places/places.api";
import { HomeTenure, HomesRoute } from "./housing.enums";

export interface HomesDelivered {
  placeId: string;
  year: number;
  homes: number;
  emptyHomes: number;
  newBuild: number;
  byTenure: { tenure: HomeTenure; homes: number }[];
}

/** The widest range one question may span. */
export const MAX_YEARS = 50;

/** One row per place asked (that exists) and year from `fromYear` to `toYear`, places in the order asked. */
export async function homesDeliveredByPlaceAndYear(
  db: DataSource | EntityManager, placeIds: string[], fromYear: number, toYear: number,
): Promise<HomesDelivered[]> {
  const rows: HomesDelivered[] = [];
  for (const placeId of placeIds) {
    const within = await placesApi.withDescendants(db, [placeId]);
    if (!within.length) continue;
    const counted: { year: number; tenure: HomeTenure; route: HomesRoute; homes: number }[] = await db.query(
      `SELECT extract(year FROM c.completed_on)::int AS year, c.tenure, c.route, sum(c.homes)::int AS homes
         FROM housing_completion c JOIN housing_scheme s ON s.id = c.scheme_id
        WHERE s.place_id = ANY($1) AND c.completed_on BETWEEN make_date($2, 1, 1) AND make_date($3, 12, 31)
        GROUP BY 1, 2, 3`,
      [within, fromYear, toYear],
    );
    for (let year = fromYear; year <= toYear; year++) {
      const inYear = counted.filter((r) => r.year === year);
      const sum = (rs: typeof inYear) => rs.reduce((s, r) => s + r.homes, 0);
      rows.push({
        placeId, year, homes: sum(inYear),
        emptyHomes: sum(inYear.filter((r) => r.route === HomesRoute.EMPTY_HOMES)),
        newBuild: sum(inYear.filter((r) => r.route === HomesRoute.NEW_BUILD)),
        byTenure: Object.values(HomeTenure).map((tenure) => ({ tenure, homes: sum(inYear.filter((r) => r.tenure === tenure)) })).filter((t) => t.homes > 0),
      });
    }
  }
  return rows;
}
