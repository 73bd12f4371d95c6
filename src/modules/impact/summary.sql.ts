// impactSummary's statement: measurements in the quarters asked, valued at the proxy in force at each period's end,
// grouped and counted in one statement. For callers who must not see small groups, figures are built only from cells
// (an organisation's registered place × quarter × the group's other keys) of at least SUPPRESSION_THRESHOLD
// organisations, so totals and groups under any filters are sums of whole cells: differencing two answers can only
// ever reveal whole cells, each of which has five organisations or more.
import type { DataSource } from "typeorm";
import { Sql, sql } from "../../graphql/sql";
import { organisationsApi } from "../organisations/organisations.api";
import { placesApi } from "../places/places.api";
import { periodKeySql } from "../../kit/summary-groups";
import { SUPPRESSION_THRESHOLD } from "./access";

/** A set of organisations by key (clusters, funds, cohorts): SQL of (organisation_id, key) rows. */
export interface OrganisationSetSql {
  /** The groupBy value whose groups are these keys, if any. */
  groupBy?: string;
  members: Sql;
}

export interface SummaryQuery {
  /** Places asked (the level below them is PLACE's groups); null for the whole register. */
  placeIds: string[] | null;
  metricCodes: string[] | null;
  themes: string[] | null;
  /** First and last day of whole quarters. */
  from: string;
  to: string;
  /** Organisation sets a filter names, each with the keys asked. */
  selections: { set: OrganisationSetSql; keys: string[] }[];
  /** Dimensions in the order asked: PLACE, YEAR, QUARTER, THEME or a set's groupBy. */
  groupBy: string[];
  sets: Map<string, OrganisationSetSql>;
  suppress: boolean;
}

/** A row of the statement: `kind` says whether it is a measure's figures or an organisation count, for a group or the total. */
export interface SummaryRow {
  kind: "measure" | "count" | "latest" | "seen";
  total: boolean;
  keys: (string | null)[];
  metric_id: string | null;
  quantity: string | null;
  social_value_pence: string | null;
  measurements: number | null;
  organisations: number | null;
}

/** The proxy in force for each measure by day: [valid_from, valid_until). */
export const PROXY_RANGES_SQL = `SELECT metric_id, version, value_per_unit_pence, valid_from,
  coalesce(lead(valid_from) OVER (PARTITION BY metric_id ORDER BY valid_from), 'infinity'::date) AS valid_until FROM impact_proxy_value`;

const NO_PLACE = "'00000000-0000-0000-0000-000000000000'::uuid";

/**
 * Three narrow passes over measurements, nothing wide materialised: (1) which organisation reported in which quarter
 * (at most organisations × quarters rows) gives the cells and their organisation counts; (2) one hash aggregate of the
 * measurements in cells that may be shown, by group and measure; (3) the same for the total. LATEST measures take
 * each organisation's latest period from their own (few) rows.
 */
export function summarySql(db: DataSource, q: SummaryQuery): Sql {
  const dims = q.groupBy;
  const keyCols = dims.map((_, i) => `k${i}`);
  const byTheme = dims.includes("THEME");
  const setDims = dims.map((d, i) => ({ d, i })).filter(({ d }) => q.sets.has(d));
  /** A dimension's key as text ('' for none, so joins can hash), over an organisation `o`, a quarter and a theme. */
  const keyExpr = (d: string, i: number, quarter: string, theme: string) => {
    if (d === "PLACE") return "o.grp";
    const period = periodKeySql(d, quarter);
    if (period) return period;
    if (d === "THEME") return theme;
    return `coalesce(s${i}.key::text, '')`;
  };
  const keys = (quarter: string, theme: string) => dims.map((d, i) => `${keyExpr(d, i, quarter, theme)} AS k${i}`);
  const setJoins = (org: string) => Sql.join(setDims.map(({ d, i }) =>
    sql` JOIN (${q.sets.get(d)!.members}) s${Sql.raw(String(i))} ON s${Sql.raw(String(i))}.organisation_id = ${Sql.raw(org)}`), "");
  const selection = q.selections.length
    ? Sql.join(q.selections.map((s) => sql`o.id IN (SELECT organisation_id FROM (${s.set.members}) m WHERE m.key::text = ANY(${s.keys}::text[]))`), " AND ")
    : Sql.raw("true");
  // A filter that picks organisations out of a cell (a cluster, a fund) could be differenced against the whole cell:
  // such a cell counts only when the organisations left out are none, or five or more.
  const complement = q.selections.length > 0 || setDims.length > 0;
  const metricFilter = sql`${q.metricCodes ? sql`m.code = ANY(${q.metricCodes}::text[])` : Sql.raw("true")}
    AND ${q.themes ? sql`m.theme = ANY(${q.themes}::text[])` : Sql.raw("true")}`;
  const threshold = SUPPRESSION_THRESHOLD;
  const cellOk = (n: string, all: string) => (q.suppress
    ? `${n} >= ${threshold}${complement ? ` AND (${all} = ${n} OR ${all} - ${n} >= ${threshold})` : ""}` : "true");
  const kc = (alias: string) => keyCols.map((k) => `, ${alias}.${k}`).join("");
  const groupKeys = (alias: string) => (keyCols.length ? `GROUP BY ${keyCols.map((k) => `${alias}.${k}`).join(", ")}` : "");
  const keysArray = (alias: string) => (keyCols.length ? `ARRAY[${keyCols.map((k) => `${alias}.${k}`).join(", ")}]` : "ARRAY[]::text[]");
  const xq = "date_trunc('quarter', x.period_end)::date";
  const inRange = sql`x.period_end BETWEEN ${q.from}::date AND ${q.to}::date`;
  // Measurements joined to what they count in: their organisation (place, group place, selection) and proxy.
  const measured = (cells: string, grouped: boolean) => sql`
      FROM impact_measurement x
      JOIN mt m ON m.id = x.metric_id
      JOIN orgs o ON o.id = x.organisation_id AND o.sel
      ${grouped ? setJoins("x.organisation_id") : Sql.raw("")}
      ${Sql.raw(q.suppress ? `JOIN ${cells} c ON c.place = o.place AND c.q = ${xq}${grouped && (setDims.length || byTheme) ? keyCols.map((k, i) => ` AND c.${k} = ${keyExpr(dims[i], i, xq, "m.theme")}`).join("") : ""}` : "")}
      LEFT JOIN proxy p ON p.metric_id = x.metric_id AND x.period_end >= p.valid_from AND x.period_end < p.valid_until
     WHERE ${inRange}`;
  const quantity = "(CASE min(m.aggregation) WHEN 'AVERAGE' THEN round(avg(x.quantity), 2) WHEN 'LATEST' THEN NULL ELSE sum(x.quantity) END)::text";
  const value = "sum(round(x.quantity * coalesce(p.value_per_unit_pence, 0)))::bigint::text";
  const groupCells = keyCols.length ? "ok_cells" : "total_cells";

  return sql`WITH
    places AS (${placesApi.groupingSql(q.placeIds)}),
    proxy AS (${Sql.raw(PROXY_RANGES_SQL)}),
    mt AS (SELECT m.id, m.theme, m.aggregation FROM impact_metric m WHERE ${metricFilter}),
    orgs AS MATERIALIZED (
      SELECT o.id, coalesce(o.registered_place_id, ${Sql.raw(NO_PLACE)}) AS place, coalesce(pl.grp::text, '') AS grp, ${selection} AS sel
        FROM (${organisationsApi.rowsSql(db)}) o ${Sql.raw(q.placeIds ? "JOIN" : "LEFT JOIN")} places pl ON pl.id = o.registered_place_id),
    presence AS MATERIALIZED (
      SELECT x.organisation_id AS org, ${Sql.raw(xq)} AS q, ${Sql.raw(byTheme ? "m.theme" : "''")} AS theme
        FROM impact_measurement x JOIN mt m ON m.id = x.metric_id WHERE ${inRange} GROUP BY 1, 2, 3),
    cellrows AS MATERIALIZED (
      SELECT p.org, o.place, p.q, o.sel${Sql.raw(keyCols.length ? `, ${keys("p.q", "p.theme").join(", ")}` : "")}
        FROM presence p JOIN orgs o ON o.id = p.org${setJoins("p.org")}),
    cell_all AS (SELECT place, q, count(DISTINCT org)::int AS n FROM cellrows GROUP BY place, q),
    ok_cells AS (SELECT c.* FROM (SELECT place, q${Sql.raw(keyCols.map((k) => `, ${k}`).join(""))}, count(DISTINCT org)::int AS n FROM cellrows WHERE sel
        GROUP BY place, q${Sql.raw(keyCols.map((k) => `, ${k}`).join(""))}) c JOIN cell_all a ON a.place = c.place AND a.q = c.q WHERE ${Sql.raw(cellOk("c.n", "a.n"))}),
    total_cells AS (SELECT c.* FROM (SELECT place, q, count(DISTINCT org)::int AS n FROM cellrows WHERE sel GROUP BY place, q) c
        JOIN cell_all a ON a.place = c.place AND a.q = c.q WHERE ${Sql.raw(cellOk("c.n", "a.n"))})
  SELECT 'measure' AS kind, false AS total, ${Sql.raw(keysArray("g"))} AS keys, g.metric_id, g.quantity, g.social_value_pence, g.measurements, NULL::int AS organisations
    FROM (SELECT x.metric_id${Sql.raw(keyCols.length ? `, ${keys(xq, "m.theme").join(", ")}` : "")}, ${Sql.raw(quantity)} AS quantity, ${Sql.raw(value)} AS social_value_pence, count(*)::int AS measurements
            ${measured(groupCells, true)}
           GROUP BY x.metric_id${Sql.raw(keyCols.map((_, i) => `, ${i + 2}`).join(""))}) g
  UNION ALL
  SELECT 'count', false, ${Sql.raw(keysArray("r"))}, NULL, NULL, NULL, NULL, count(DISTINCT r.org)::int
    FROM cellrows r ${Sql.raw(q.suppress ? `JOIN ${groupCells} c ON c.place = r.place AND c.q = r.q${keyCols.length ? keyCols.map((k) => ` AND c.${k} = r.${k}`).join("") : ""}` : "")}
   WHERE r.sel ${Sql.raw(groupKeys("r"))}
  UNION ALL
  SELECT 'seen', false, ${Sql.raw(keysArray("r"))}, NULL, NULL, NULL, NULL, NULL FROM cellrows r WHERE r.sel ${Sql.raw(groupKeys("r"))}
  UNION ALL
  SELECT 'measure', true, ARRAY[]::text[], x.metric_id, ${Sql.raw(quantity)}, ${Sql.raw(value)}, count(*)::int, NULL
    ${measured("total_cells", false)} GROUP BY x.metric_id
  UNION ALL
  SELECT 'count', true, ARRAY[]::text[], NULL, NULL, NULL, NULL, count(DISTINCT r.org)::int
    FROM cellrows r ${Sql.raw(q.suppress ? "JOIN total_cells c ON c.place = r.place AND c.q = r.q" : "")} WHERE r.sel
  UNION ALL
  SELECT 'latest', false, ${Sql.raw(keysArray("l"))}, l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL FROM (
    SELECT DISTINCT ON (${Sql.raw(keyCols.map((k) => `${k}, `).join(""))}x.organisation_id, x.metric_id) x.organisation_id, x.metric_id, x.quantity${Sql.raw(keyCols.length ? `, ${keys(xq, "m.theme").join(", ")}` : "")}
      ${measured(groupCells, true)} AND m.aggregation = 'LATEST'
     ORDER BY ${Sql.raw(keyCols.map((k) => `${k}, `).join(""))}x.organisation_id, x.metric_id, x.period_end DESC) l
   GROUP BY l.metric_id${Sql.raw(kc("l"))}
  UNION ALL
  SELECT 'latest', true, ARRAY[]::text[], l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL FROM (
    SELECT DISTINCT ON (x.organisation_id, x.metric_id) x.organisation_id, x.metric_id, x.quantity
      ${measured("total_cells", false)} AND m.aggregation = 'LATEST'
     ORDER BY x.organisation_id, x.metric_id, x.period_end DESC) l
   GROUP BY l.metric_id`;
}
