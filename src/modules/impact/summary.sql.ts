// impactSummary's statement: the rollup of measurements (impact_rollup: one row per organisation, measure and quarter,
// kept by PostgreSQL triggers, see migrations/1765000070000-ImpactRollup.ts) in the quarters asked, each period valued
// at the proxy in force at its end, grouped and counted in one statement. For callers who must not see small groups,
// figures are built only from cells (an organisation's registered place × quarter × the group's other keys) of at
// least SUPPRESSION_THRESHOLD organisations, so totals and groups under any filters are sums of whole cells:
// differencing two answers can only ever reveal whole cells, each of which has five organisations or more.
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
 * Three narrow passes over the rollup, nothing wide materialised: (1) which organisation reported in which quarter
 * (at most organisations × quarters rows) gives the cells and their organisation counts; (2) one hash aggregate of the
 * rollup rows in cells that may be shown, by group and measure; (3) the same for the total. LATEST measures take each
 * organisation's latest quarter in the group, whose row holds its latest figure. The organisation's place is read
 * from the register here, never stored in the rollup, so a change of place needs nothing recomputed.
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
  const xq = "x.quarter";
  const inRange = sql`x.quarter BETWEEN ${q.from}::date AND ${q.to}::date`;
  // Whole places and every measure: figures add up from the place rollup (places × measures × quarters rows), and
  // organisations are counted from presence (organisations × quarters). Filters by measure or by organisation set,
  // and THEME groups (whose cells are per theme), need each organisation's own rows.
  const byPlace = !q.metricCodes && !q.themes && !q.selections.length && !setDims.length && !byTheme;
  const yearly = byPlace && !dims.includes("QUARTER");
  // Rolled-up measurements joined to what they count in: their organisation (place, group place, selection), or for
  // the place rollup its place and group place.
  const measured = (cells: string, grouped: boolean, perOrganisation = !byPlace) => sql`
      FROM ${Sql.raw(perOrganisation ? "impact_rollup" : "impact_place_rollup")} x
      JOIN mt m ON m.id = x.metric_id
      ${Sql.raw(perOrganisation ? "JOIN orgs o ON o.id = x.organisation_id AND o.sel" : "JOIN org_places o ON o.place = x.place_id")}
      ${grouped ? setJoins("x.organisation_id") : Sql.raw("")}
      ${Sql.raw(q.suppress ? `JOIN ${cells} c ON c.place = o.place AND c.q = ${xq}${grouped && (setDims.length || byTheme) ? keyCols.map((k, i) => ` AND c.${k} = ${keyExpr(dims[i], i, xq, "m.theme")}`).join("") : ""}` : "")}
     WHERE ${inRange}`;
  // avg(quantity) of the measurements is their sum over their count, exactly as the rollup holds both.
  const quantity = "(CASE min(m.aggregation) WHEN 'AVERAGE' THEN round(sum(x.quantity) / sum(x.measurements), 2) WHEN 'LATEST' THEN NULL ELSE sum(x.quantity) END)::text";
  const value = "sum(x.social_value_pence)::bigint::text";
  const count = "sum(x.measurements)::int";
  const groupCells = keyCols.length ? "ok_cells" : "total_cells";

  // Presence by quarter: distinct organisations over organisation × quarter rows.
  const quarterlyCells = sql`presence AS MATERIALIZED (${byPlace
      ? sql`SELECT x.organisation_id AS org, ${Sql.raw(xq)} AS q, '' AS theme FROM impact_presence x WHERE ${inRange}`
      : sql`SELECT x.organisation_id AS org, ${Sql.raw(xq)} AS q, ${Sql.raw(byTheme ? "m.theme" : "''")} AS theme
        FROM impact_rollup x JOIN mt m ON m.id = x.metric_id WHERE ${inRange} GROUP BY 1, 2, 3`}),
    cellrows AS MATERIALIZED (
      SELECT p.org, o.place, p.q, o.sel${Sql.raw(keyCols.length ? `, ${keys("p.q", "p.theme").join(", ")}` : "")}
        FROM presence p JOIN orgs o ON o.id = p.org${setJoins("p.org")}),
    cell_all AS (SELECT place, q, count(DISTINCT org)::int AS n FROM cellrows GROUP BY place, q),
    ok_cells AS (SELECT c.* FROM (SELECT place, q${Sql.raw(keyCols.map((k) => `, ${k}`).join(""))}, count(DISTINCT org)::int AS n FROM cellrows WHERE sel
        GROUP BY place, q${Sql.raw(keyCols.map((k) => `, ${k}`).join(""))}) c JOIN cell_all a ON a.place = c.place AND a.q = c.q WHERE ${Sql.raw(cellOk("c.n", "a.n"))}),
    total_cells AS (SELECT c.* FROM (SELECT place, q, count(DISTINCT org)::int AS n FROM cellrows WHERE sel GROUP BY place, q) c
        JOIN cell_all a ON a.place = c.place AND a.q = c.q WHERE ${Sql.raw(cellOk("c.n", "a.n"))})`;
  const quarterlyCounts = sql`SELECT 'count', false, ${Sql.raw(keysArray("r"))}, NULL, NULL, NULL, NULL, count(DISTINCT r.org)::int
    FROM cellrows r ${Sql.raw(q.suppress ? `JOIN ${groupCells} c ON c.place = r.place AND c.q = r.q${keyCols.length ? keyCols.map((k) => ` AND c.${k} = r.${k}`).join("") : ""}` : "")}
   WHERE r.sel ${Sql.raw(groupKeys("r"))}
  UNION ALL
  SELECT 'seen', false, ${Sql.raw(keysArray("r"))}, NULL, NULL, NULL, NULL, NULL FROM cellrows r WHERE r.sel ${Sql.raw(groupKeys("r"))}`;
  const quarterlyTotal = sql`SELECT 'count', true, ARRAY[]::text[], NULL, NULL, NULL, NULL, count(DISTINCT r.org)::int
    FROM cellrows r ${Sql.raw(q.suppress ? "JOIN total_cells c ON c.place = r.place AND c.q = r.q" : "")} WHERE r.sel`;
  // Whole places by YEAR (or no period): each organisation's quarters of a year as a mask (impact_presence_year, a
  // quarter of presence's rows). An organisation is in one place, so its (organisation, year) row is counted once per
  // group without a distinct; cells are a place's organisations with a quarter's bit, and an organisation counts in a
  // group when it reported in a quarter whose cell may be shown, exactly as from presence.
  const rangeMask = (year: string) => sql`(${Sql.join([0, 1, 2, 3].map((i) =>
    sql`(CASE WHEN (${Sql.raw(year)} + interval '${Sql.raw(String(3 * i))} months')::date BETWEEN ${q.from}::date AND ${q.to}::date THEN ${Sql.raw(String(1 << i))} ELSE 0 END)`), " | ")})`;
  const yearlyCells = sql`years AS MATERIALIZED (
      SELECT y.organisation_id AS org, o.place, y.year, y.quarters & ${rangeMask("y.year")} AS quarters${Sql.raw(keyCols.length ? `, ${keys("y.year", "''").join(", ")}` : "")}
        FROM impact_presence_year y JOIN orgs o ON o.id = y.organisation_id
       WHERE y.year BETWEEN date_trunc('year', ${q.from}::date)::date AND ${q.to}::date AND y.quarters & ${rangeMask("y.year")} <> 0),
    cell_all AS MATERIALIZED (SELECT s.place, c.q, c.n FROM (SELECT place, year,
        ${Sql.raw([1, 2, 4, 8].map((b) => `count(*) FILTER (WHERE quarters & ${b} <> 0)::int AS n${b}`).join(", "))} FROM years GROUP BY place, year) s,
        LATERAL (VALUES (s.year, s.n1), ((s.year + interval '3 months')::date, s.n2), ((s.year + interval '6 months')::date, s.n4), ((s.year + interval '9 months')::date, s.n8)) c(q, n)
       WHERE c.n > 0),
    ok_cells AS (SELECT place, q, n FROM cell_all WHERE ${Sql.raw(cellOk("n", "n"))}),
    total_cells AS (SELECT * FROM ok_cells),
    ok_mask AS (SELECT place, date_trunc('year', q)::date AS year, bit_or(1 << (extract(quarter FROM q)::int - 1)) AS mask FROM ok_cells GROUP BY 1, 2),
    counted AS MATERIALIZED (SELECT y.*, y.quarters & ${Sql.raw(q.suppress ? "coalesce(m.mask, 0)" : "15")} AS shown
        FROM years y ${Sql.raw(q.suppress ? "LEFT JOIN ok_mask m ON m.place = y.place AND m.year = y.year" : "")}),
    latest_picks AS MATERIALIZED (
      SELECT DISTINCT ON (${Sql.raw(keyCols.map((k) => `${k}, `).join(""))}x.organisation_id, x.metric_id) x.organisation_id, x.metric_id, x.quarter, x.latest_quantity AS quantity${Sql.raw(keyCols.length ? `, ${keys(xq, "m.theme").join(", ")}` : "")}
        ${measured("ok_cells", true, true)} AND m.aggregation = 'LATEST'
       ORDER BY ${Sql.raw(keyCols.map((k) => `${k}, `).join(""))}x.organisation_id, x.metric_id, x.quarter DESC)`;
  // By YEAR an organisation has one row per group already; otherwise its years are folded first.
  const yearlyCounts = sql`SELECT 'count', false, ${Sql.raw(keysArray("r"))}, NULL, NULL, NULL, NULL, count(*)::int
    FROM ${Sql.raw(dims.includes("YEAR") ? "counted r WHERE r.shown <> 0" : `(SELECT DISTINCT org${kc("c")} FROM counted c WHERE c.shown <> 0) r`)} ${Sql.raw(groupKeys("r"))}
  UNION ALL
  SELECT 'seen', false, ${Sql.raw(keysArray("r"))}, NULL, NULL, NULL, NULL, NULL FROM ${Sql.raw(keyCols.length ? `years r ${groupKeys("r")}` : "(SELECT FROM years LIMIT 1) r")}`;
  const yearlyTotal = sql`SELECT 'count', true, ARRAY[]::text[], NULL, NULL, NULL, NULL, count(DISTINCT c.org)::int FROM counted c WHERE c.shown <> 0`;
  const quarterlyLatest = sql`SELECT 'latest', false, ${Sql.raw(keysArray("l"))}, l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL FROM (
    SELECT DISTINCT ON (${Sql.raw(keyCols.map((k) => `${k}, `).join(""))}x.organisation_id, x.metric_id) x.organisation_id, x.metric_id, x.latest_quantity AS quantity${Sql.raw(keyCols.length ? `, ${keys(xq, "m.theme").join(", ")}` : "")}
      ${measured(groupCells, true, true)} AND m.aggregation = 'LATEST'
     ORDER BY ${Sql.raw(keyCols.map((k) => `${k}, `).join(""))}x.organisation_id, x.metric_id, x.quarter DESC) l
   GROUP BY l.metric_id${Sql.raw(kc("l"))}
  UNION ALL
  SELECT 'latest', true, ARRAY[]::text[], l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL FROM (
    SELECT DISTINCT ON (x.organisation_id, x.metric_id) x.organisation_id, x.metric_id, x.latest_quantity AS quantity
      ${measured("total_cells", false, true)} AND m.aggregation = 'LATEST'
     ORDER BY x.organisation_id, x.metric_id, x.quarter DESC) l
   GROUP BY l.metric_id`;
  // Each organisation's latest figure per group, once: its latest over the whole range is the latest of its groups'
  // (an organisation is in one place, and by YEAR its groups split the range), and the cells are the same for both.
  const yearlyLatest = sql`SELECT 'latest', false, ${Sql.raw(keysArray("l"))}, l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL
    FROM latest_picks l GROUP BY l.metric_id${Sql.raw(kc("l"))}
  UNION ALL
  SELECT 'latest', true, ARRAY[]::text[], l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL FROM (
    SELECT DISTINCT ON (p.organisation_id, p.metric_id) p.metric_id, p.quantity FROM latest_picks p ORDER BY p.organisation_id, p.metric_id, p.quarter DESC) l
   GROUP BY l.metric_id`;
  return sql`WITH
    places AS (${placesApi.groupingSql(q.placeIds)}),
    mt AS (SELECT m.id, m.theme, m.aggregation FROM impact_metric m WHERE ${metricFilter}),
    orgs AS MATERIALIZED (
      SELECT o.id, coalesce(o.registered_place_id, ${Sql.raw(NO_PLACE)}) AS place, coalesce(pl.grp::text, '') AS grp, ${selection} AS sel
        FROM (${organisationsApi.rowsSql(db)}) o ${Sql.raw(q.placeIds ? "JOIN" : "LEFT JOIN")} places pl ON pl.id = o.registered_place_id),
    org_places AS (SELECT DISTINCT place, grp FROM orgs),
    ${yearly ? yearlyCells : quarterlyCells}
  SELECT 'measure' AS kind, false AS total, ${Sql.raw(keysArray("g"))} AS keys, g.metric_id, g.quantity, g.social_value_pence, g.measurements, NULL::int AS organisations
    FROM (SELECT x.metric_id${Sql.raw(keyCols.length ? `, ${keys(xq, "m.theme").join(", ")}` : "")}, ${Sql.raw(quantity)} AS quantity, ${Sql.raw(value)} AS social_value_pence, ${Sql.raw(count)} AS measurements
            ${measured(groupCells, true)}
           GROUP BY x.metric_id${Sql.raw(keyCols.map((_, i) => `, ${i + 2}`).join(""))}) g
  UNION ALL
  ${yearly ? yearlyCounts : quarterlyCounts}
  UNION ALL
  SELECT 'measure', true, ARRAY[]::text[], x.metric_id, ${Sql.raw(quantity)}, ${Sql.raw(value)}, ${Sql.raw(count)}, NULL
    ${measured("total_cells", false)} GROUP BY x.metric_id
  UNION ALL
  ${yearly ? yearlyTotal : quarterlyTotal}
  UNION ALL
  ${yearly ? yearlyLatest : quarterlyLatest}`;
}
