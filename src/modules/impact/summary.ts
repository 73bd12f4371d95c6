// impactSummary: runs the summary statement and shapes its rows into the total and the groups, with suppression for
// everyone but ADMIN (see summary.sql.ts for why figures are built from whole cells).
import type { DataSource } from "typeorm";
import type { Viewer } from "../../auth/viewer";
import { money } from "../../graphql/scalars";
import { clustersApi } from "../clusters/clusters.api";
import { impactAccess } from "./access";
import { impactOrganisationSets } from "./impact.api";
import { ImpactGroupBy, ImpactTheme } from "./impact.enums";
import { ImpactFigures, ImpactGroup, ImpactSummary, MeasureFigures } from "./impact.types";
import { OrganisationSetSql, summarySql, SummaryRow } from "./summary.sql";
import { quarterEnd, quarterStart } from "./quarters";
import { compareGroupKeys, periodOfKeys } from "../../kit/summary-groups";

export interface SummaryFilter {
  placeIds?: string[] | null;
  clusterIds?: string[] | null;
  themes?: ImpactTheme[] | null;
  metricCodes?: string[] | null;
  from: string;
  to: string;
  /** Fields other modules added (fundIds, cohortIds), by name. */
  [extra: string]: unknown;
}

/** The organisation sets a summary knows: clusters (an earlier module), then every contributed one. */
function organisationSets(db: DataSource): { filter: string; set: OrganisationSetSql }[] {
  return [
    { filter: "clusterIds", set: { groupBy: ImpactGroupBy.CLUSTER, members: clustersApi.currentMembershipsSql() } },
    ...impactOrganisationSets.values().map((s) => ({ filter: s.filter, set: { groupBy: s.groupBy, members: s.members(db) } })),
  ];
}

export async function impactSummary(db: DataSource, viewer: Viewer, filter: SummaryFilter, groupBy: string[]): Promise<ImpactSummary> {
  const sets = organisationSets(db);
  const from = quarterStart(filter.from);
  const to = quarterEnd(filter.to);
  const dims = [...new Set(groupBy)];
  const statement = toQuery(summarySql(db, {
    placeIds: filter.placeIds?.length ? filter.placeIds : null,
    metricCodes: filter.metricCodes?.length ? filter.metricCodes : null,
    themes: filter.themes?.length ? filter.themes : null,
    from, to, groupBy: dims,
    selections: sets.flatMap(({ filter: name, set }) => {
      const keys = filter[name] as string[] | null | undefined;
      return keys?.length ? [{ set, keys }] : [];
    }),
    sets: new Map(sets.filter((s) => s.set.groupBy).map((s) => [s.set.groupBy!, s.set])),
    suppress: impactAccess.suppressSmallGroups(viewer),
  }));
  // Its hash aggregates over a region's years of measurements need more memory than a page read does; given it for
  // this statement alone, they stay in memory instead of spilling to disk (bench/RESULTS.md, "Impact").
  const rows: SummaryRow[] = await db.transaction("READ COMMITTED", async (m) => {
    await m.query("SET LOCAL work_mem = '64MB'");
    return m.query(...statement);
  });
  const suppress = impactAccess.suppressSmallGroups(viewer);
  const byKey = new Map<string, Entry>();
  const entry = (r: SummaryRow) => {
    const id = r.total ? "total" : JSON.stringify(r.keys);
    if (!byKey.has(id)) byKey.set(id, { keys: r.keys, measures: new Map(), organisations: 0, seen: false });
    return byKey.get(id)!;
  };
  // Measures first, so a LATEST row finds its measure's figures.
  for (const r of [...rows].sort((a, b) => order(a.kind) - order(b.kind))) {
    const e = entry(r);
    if (r.kind === "seen") e.seen = true;
    else if (r.kind === "count") e.organisations = r.organisations ?? 0;
    else if (r.kind === "measure") e.measures.set(r.metric_id!, measure(r));
    else if (e.measures.has(r.metric_id!)) e.measures.get(r.metric_id!)!.quantity = Number(r.quantity);
  }
  const anySeen = [...byKey.values()].some((e) => e.seen);
  const total = figures({ ...(byKey.get("total") ?? { keys: [], measures: new Map(), organisations: 0 }), seen: anySeen }, suppress);
  byKey.delete("total");
  const groups = (dims.length ? [...byKey.values()] : []).filter((e) => e.seen || e.organisations > 0).map((e) => {
    const g = Object.assign(new ImpactGroup(), figures(e, suppress));
    // The statement writes a missing key (an organisation with no registered place) as '' so that joins can hash.
    g.keys = Object.fromEntries(dims.map((d, i) => [d, e.keys[i] === "" ? null : e.keys[i]]));
    g.theme = (g.keys.THEME as ImpactTheme | undefined) ?? null;
    Object.assign(g, periodOfKeys(g.keys));
    return g;
  }).sort((a, b) => compareGroupKeys(dims.map((d) => a.keys[d]), dims.map((d) => b.keys[d])));
  return Object.assign(new ImpactSummary(), { from, to, total, groups });
}

interface Entry { keys: (string | null)[]; measures: Map<string, MeasureFigures>; organisations: number; seen: boolean }

const order = (kind: SummaryRow["kind"]) => (kind === "measure" ? 0 : kind === "latest" ? 1 : 2);

function measure(r: SummaryRow): MeasureFigures {
  return Object.assign(new MeasureFigures(), {
    metricId: r.metric_id!, quantity: r.quantity === null ? 0 : Number(r.quantity), socialValue: money(Number(r.social_value_pence ?? 0)),
    measurements: r.measurements ?? 0, proxyVersions: null,
  });
}

/**
 * A group's figures. For a caller who is not ADMIN its rows come only from cells big enough to show, so a group seen in
 * the data with no such cell has no figure rows: it is suppressed.
 */
function figures(e: Entry, suppress: boolean): ImpactFigures {
  const out = new ImpactFigures();
  const organisations = e.organisations;
  if (suppress && e.seen && organisations === 0) return Object.assign(out, { suppressed: true, organisationCount: null, socialValue: null, measures: null });
  const measures = [...e.measures.values()];
  return Object.assign(out, {
    suppressed: false, organisationCount: organisations, measures,
    socialValue: money(measures.reduce((sum, x) => sum + x.socialValue.pence, 0)),
  });
}

function toQuery(s: ReturnType<typeof summarySql>): [string, unknown[]] {
  const { text, values } = s.toQuery();
  return [text, values];
}

