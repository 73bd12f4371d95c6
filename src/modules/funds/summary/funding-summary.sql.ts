// fundingSummary's statement: the period figures of ledger/flows.ts for agreements, grouped by the recipient
// organisation's registered place and by the year or quarter of the day, with the total beside the groups (grouping
// sets) and a count of the places and funds asked that exist, all in one statement.
import type { DataSource } from "typeorm";
import { Sql, sql } from "../../../graphql/sql";
import { periodKeySql } from "../../../kit/summary-groups";
import { organisationsApi } from "../../organisations/organisations.api";
import { placesApi } from "../../places/places.api";
import { flowSumsSql, flowsSql } from "../ledger/flows";

export interface FundingSummaryQuery {
  /** Places asked (the level below them is PLACE's groups); null for the whole register. */
  placeIds: string[] | null;
  fundIds: string[] | null;
  /** First and last day counted, both included. */
  from: string;
  to: string;
  /** Dimensions in the order asked: PLACE, YEAR, QUARTER. */
  groupBy: string[];
}

/** A row of the grouped figures: the total (`total`) or a group with its keys in the order asked. */
export interface FundingSummaryRow {
  total: boolean;
  keys: string[];
  funded: number;
  awarded_pence: number | string;
  disbursed_pence: number | string;
  repaid_cash_pence: number | string;
  repaid_social_pence: number | string;
  written_off_pence: number | string;
  recycled_pence: number | string;
}

/** The statement's one row. */
export interface FundingSummaryResult {
  known_places: number;
  known_funds: number;
  rows: FundingSummaryRow[];
}

/**
 * An agreement counts in the place its organisation is registered in (not the places it serves): each pound is then in
 * exactly one place, so the groups add up to the total, as the register's REGISTERED_IN counts add up to the register.
 */
export function fundingSummarySql(db: DataSource, q: FundingSummaryQuery): Sql {
  const keyExpr = (d: string) => (d === "PLACE" ? "o.grp" : periodKeySql(d, "f.day")!);
  const keyCols = q.groupBy.map((_, i) => `k${i}`);
  const keys = q.groupBy.map((d, i) => `, ${keyExpr(d)} AS k${i}`).join("");
  const sets = keyCols.length ? `GROUPING SETS ((${keyCols.map((k) => `x.${k}`).join(", ")}), ())` : "()";
  const total = keyCols.length ? `GROUPING(${keyCols.map((k) => `x.${k}`).join(", ")}) <> 0` : "true";
  const keysArray = keyCols.length ? `ARRAY[${keyCols.map((k) => `x.${k}`).join(", ")}]` : "ARRAY[]::text[]";
  // The period and funds are bound once, in `asked`; the flows read them as scalar subqueries (run once each).
  const flows = flowsSql({
    from: "(SELECT from_day FROM asked)", to: "(SELECT to_day FROM asked)", fundIds: q.fundIds ? "(SELECT fund_ids FROM asked)" : null,
  });
  return sql`WITH
    asked AS (SELECT ${q.from}::date AS from_day, ${q.to}::date AS to_day, ${q.fundIds ?? []}::uuid[] AS fund_ids),
    places AS (${placesApi.groupingSql(q.placeIds)}),
    orgs AS (SELECT o.id, coalesce(pl.grp::text, '') AS grp
               FROM (${organisationsApi.rowsSql(db)}) o ${Sql.raw(q.placeIds ? "JOIN" : "LEFT JOIN")} places pl ON pl.id = o.registered_place_id),
    grouped AS (
      SELECT ${Sql.raw(total)} AS total, ${Sql.raw(keysArray)} AS keys,
             count(DISTINCT x.organisation_id) FILTER (WHERE x.figure = 'awarded')::int AS funded, ${Sql.raw(flowSumsSql("x"))}
        FROM (SELECT f.figure, f.pence, ag.organisation_id${Sql.raw(keys)}
                FROM (${Sql.raw(flows)}) f
                JOIN agreement ag ON ag.id = f.agreement_id
                JOIN orgs o ON o.id = ag.organisation_id) x
       GROUP BY ${Sql.raw(sets)})
  SELECT (SELECT count(*) FROM places WHERE id = ANY(${q.placeIds ?? []}::uuid[]))::int AS known_places,
         (SELECT count(*) FROM fund WHERE id = ANY(${q.fundIds ?? []}::uuid[]))::int AS known_funds,
         coalesce((SELECT json_agg(g) FROM grouped g), '[]') AS rows`;
}
