// impactSummary's statement: measurements in the quarters asked, valued at the proxy in force at each period's end,
// grouped and counted in one statement. For callers who must not see small groups, figures are built only from cells
// (an organisation's registered place × quarter × the group's other keys) of at least SUPPRESSION_THRESHOLD
// organisations, so totals and groups under any filters are sums of whole cells: differencing two answers can only
// ever reveal whole cells, each of which has five organisations or more.
import type { DataSource } from "typeorm";
import { Sql, sql } from "../../graphql/sql";
import { organisationsApi } from "../organisations/organisations.api";
import { placesApi } from "../places/places.api";
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

export function summarySql(db: DataSource, q: SummaryQuery): Sql {
  const dims = q.groupBy;
  const keyCols = dims.map((_, i) => `k${i}`);
  const setJoins: Sql[] = [];
  const keyExprs = dims.map((d, i) => {
    if (d === "PLACE") return "b.grp::text";
    if (d === "YEAR") return "extract(year FROM b.q)::int::text";
    if (d === "QUARTER") return "b.q::text";
    if (d === "THEME") return "b.theme";
    const set = q.sets.get(d)!;
    setJoins.push(sql` JOIN (${set.members}) s${Sql.raw(String(i))} ON s${Sql.raw(String(i))}.organisation_id = b.org`);
    return `s${i}.key::text`;
  });
  const selection = q.selections.length
    ? Sql.join(q.selections.map((s) => sql`x.organisation_id IN (SELECT organisation_id FROM (${s.set.members}) m WHERE m.key::text = ANY(${s.keys}::text[]))`), " AND ")
    : Sql.raw("true");
  // A filter that picks organisations out of a cell (a cluster, a fund) could be differenced against the whole cell:
  // such a cell counts only when the organisations left out are none, or five or more.
  const complement = q.selections.length > 0 || dims.some((d) => q.sets.has(d));
  const metricFilter = sql`${q.metricCodes ? sql`mt.code = ANY(${q.metricCodes}::text[])` : Sql.raw("true")}
    AND ${q.themes ? sql`mt.theme = ANY(${q.themes}::text[])` : Sql.raw("true")}`;
  const keyList = (alias: string) => keyCols.map((k) => `${alias}.${k}`).join(", ");
  const keysArray = keyCols.length ? `ARRAY[${keyList("g")}]` : "ARRAY[]::text[]";
  const threshold = SUPPRESSION_THRESHOLD;
  const cellOk = (n: string, all: string) => (q.suppress
    ? `${n} >= ${threshold}${complement ? ` AND (${all} = ${n} OR ${all} - ${n} >= ${threshold})` : ""}` : "true");
  const keyedCells = keyCols.length ? `, ${keyCols.join(", ")}` : "";

  return sql`WITH
    places AS (${placesApi.groupingSql(q.placeIds)}),
    proxy AS (${Sql.raw(PROXY_RANGES_SQL)}),
    base AS MATERIALIZED (
      SELECT x.organisation_id AS org, coalesce(o.registered_place_id, '00000000-0000-0000-0000-000000000000'::uuid) AS place, pl.grp, x.metric_id, mt.theme, mt.aggregation, x.quantity, x.period_end,
             date_trunc('quarter', x.period_end)::date AS q,
             round(x.quantity * coalesce(p.value_per_unit_pence, 0))::bigint AS sv,
             ${selection} AS sel
        FROM impact_measurement x
        JOIN impact_metric mt ON mt.id = x.metric_id
        JOIN (${organisationsApi.rowsSql(db)}) o ON o.id = x.organisation_id
        ${q.placeIds ? Sql.raw("JOIN") : Sql.raw("LEFT JOIN")} places pl ON pl.id = o.registered_place_id
        LEFT JOIN proxy p ON p.metric_id = x.metric_id AND x.period_end >= p.valid_from AND x.period_end < p.valid_until
       WHERE x.period_end BETWEEN ${q.from}::date AND ${q.to}::date AND ${metricFilter}),
    keyed AS MATERIALIZED (SELECT b.*${Sql.raw(keyExprs.length ? `, ${keyExprs.map((e, i) => `coalesce(${e}, '') AS k${i}`).join(", ")}` : "")} FROM base b${Sql.join(setJoins, "")}),
    cell_all AS (SELECT place, q, count(DISTINCT org)::int AS n FROM base GROUP BY place, q),
    cells AS (SELECT k.place, k.q${Sql.raw(keyedCells)}, count(DISTINCT k.org)::int AS n FROM keyed k WHERE k.sel GROUP BY k.place, k.q${Sql.raw(keyedCells)}),
    ok_cells AS (SELECT c.* FROM cells c JOIN cell_all a ON a.place = c.place AND a.q = c.q WHERE ${Sql.raw(cellOk("c.n", "a.n"))}),
    total_cells AS (SELECT t.place, t.q FROM (SELECT place, q, count(DISTINCT org)::int AS n FROM base WHERE sel GROUP BY place, q) t
      JOIN cell_all a ON a.place = t.place AND a.q = t.q WHERE ${Sql.raw(cellOk("t.n", "a.n"))}),
    g AS MATERIALIZED (SELECT k.* FROM keyed k JOIN ok_cells c ON c.place = k.place AND c.q = k.q
      ${Sql.raw(keyCols.map((c) => `AND c.${c} = k.${c}`).join(" "))} WHERE k.sel),
    t AS MATERIALIZED (SELECT b.* FROM base b JOIN total_cells c ON c.place = b.place AND c.q = b.q WHERE b.sel)
  SELECT 'measure' AS kind, false AS total, ${Sql.raw(keysArray)} AS keys, g.metric_id,
         (CASE min(g.aggregation) WHEN 'AVERAGE' THEN round(avg(g.quantity), 2) WHEN 'LATEST' THEN NULL ELSE sum(g.quantity) END)::text AS quantity,
         sum(g.sv)::text AS social_value_pence, count(*)::int AS measurements, NULL::int AS organisations
    FROM g GROUP BY ${Sql.raw(keyCols.length ? `${keyList("g")}, ` : "")}g.metric_id
  UNION ALL
  SELECT 'count', false, ${Sql.raw(keysArray)}, NULL, NULL, NULL, NULL, count(DISTINCT g.org)::int FROM g ${Sql.raw(keyCols.length ? `GROUP BY ${keyList("g")}` : "")}
  UNION ALL
  SELECT 'seen', false, ${Sql.raw(keysArray.replace(/\bg\./g, "k."))}, NULL, NULL, NULL, NULL, NULL FROM keyed k WHERE k.sel ${Sql.raw(keyCols.length ? `GROUP BY ${keyList("k")}` : "")}
  UNION ALL
  SELECT 'measure', true, ARRAY[]::text[], t.metric_id,
         (CASE min(t.aggregation) WHEN 'AVERAGE' THEN round(avg(t.quantity), 2) WHEN 'LATEST' THEN NULL ELSE sum(t.quantity) END)::text,
         sum(t.sv)::text, count(*)::int, NULL FROM t GROUP BY t.metric_id
  UNION ALL
  SELECT 'count', true, ARRAY[]::text[], NULL, NULL, NULL, NULL, count(DISTINCT t.org)::int FROM t
  UNION ALL
  SELECT 'latest', false, ${Sql.raw(keysArray.replace(/\bg\./g, "l."))}, l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL FROM (
    SELECT DISTINCT ON (${Sql.raw(keyCols.length ? `${keyList("g")}, ` : "")}g.org, g.metric_id) g.* FROM g WHERE g.aggregation = 'LATEST'
     ORDER BY ${Sql.raw(keyCols.length ? `${keyList("g")}, ` : "")}g.org, g.metric_id, g.period_end DESC) l
   GROUP BY ${Sql.raw(keyCols.length ? `${keyList("l")}, ` : "")}l.metric_id
  UNION ALL
  SELECT 'latest', true, ARRAY[]::text[], l.metric_id, sum(l.quantity)::text, NULL, NULL, NULL FROM (
    SELECT DISTINCT ON (t.org, t.metric_id) t.* FROM t WHERE t.aggregation = 'LATEST' ORDER BY t.org, t.metric_id, t.period_end DESC) l
   GROUP BY l.metric_id`;
}
