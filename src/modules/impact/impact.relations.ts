// The relations of impact, declared once for folded reads and batched loads: a measure's proxy values, and an
// organisation's own figures (one row per organisation: its social value and its measures as JSON) and measurements.
import { relationsOf } from "../../graphql/relations";
import { Sql, sql } from "../../graphql/sql";
import { impactAccess } from "./access";
import { ImpactMeasurement } from "./measurement.entity";
import { ImpactProxyValue } from "./metric.entity";
import { OrganisationYear } from "./organisation-year.entity";
import { PROXY_RANGES_SQL } from "./summary.sql";
import { quarterEnd, quarterStart } from "./quarters";
import { money } from "../../graphql/scalars";

import { MeasureFigures, OrganisationImpact } from "./impact.types";

type ImpactRow = { social_value_pence: number; measures: Record<string, unknown>[] } | null;

/** The folded row as figures (each measure is read through the catalogue's loader: one statement per request). */
export function toOrganisationImpact(row: ImpactRow): OrganisationImpact {
  const measures = (row?.measures ?? []).map((m) => Object.assign(new MeasureFigures(), {
    metricId: m.metricId, quantity: Number(m.quantity), socialValue: money(Number(m.socialValuePence)), measurements: Number(m.measurements),
    proxyVersions: m.proxyVersions as number[],
  }));
  return Object.assign(new OrganisationImpact(), { socialValue: money(Number(row?.social_value_pence ?? 0)), measures });
}



export const metricRelations = relationsOf("ImpactMetric", {
  proxyValues: {
    kind: "many", target: () => ImpactProxyValue, orderBy: ["valid_from", "id"],
    from: () => Sql.raw("SELECT p.*, p.metric_id AS __parent FROM impact_proxy_value p"),
  },
});

const ofOwnOrganisation = (ctx: { viewer: Parameters<typeof impactAccess.readOrganisation>[0] }, o: object) =>
  impactAccess.readOrganisation(ctx.viewer, (o as { id: string }).id);

export const organisationImpactRelations = relationsOf("Organisation", {
  /** One row per organisation with measurements in the quarters asked: the total, and each measure's figures. */
  impact: {
    kind: "one",
    visible: ofOwnOrganisation,
    present: (row) => toOrganisationImpact(row as ImpactRow),
    from: (_ctx, args) => sql`
      SELECT pm.organisation_id AS __parent, sum(pm.sv)::bigint AS social_value_pence,
             json_agg(json_build_object('metricId', mt.id, 'quantity', pm.quantity, 'socialValuePence', pm.sv,
               'measurements', pm.n, 'proxyVersions', pm.versions) ORDER BY mt.code) AS measures
        FROM (SELECT x.organisation_id, x.metric_id,
                     CASE min(m.aggregation) WHEN 'AVERAGE' THEN round(avg(x.quantity), 2)
                       WHEN 'LATEST' THEN (array_agg(x.quantity ORDER BY x.period_end DESC))[1] ELSE sum(x.quantity) END AS quantity,
                     sum(round(x.quantity * coalesce(p.value_per_unit_pence, 0)))::bigint AS sv, count(*)::int AS n,
                     array_remove(array_agg(DISTINCT p.version), NULL) AS versions
                FROM impact_measurement x
                JOIN impact_metric m ON m.id = x.metric_id
                LEFT JOIN (${Sql.raw(PROXY_RANGES_SQL)}) p ON p.metric_id = x.metric_id AND x.period_end >= p.valid_from AND x.period_end < p.valid_until
               WHERE x.period_end BETWEEN ${quarterStart(String(args.from))}::date AND ${quarterEnd(String(args.to))}::date
               GROUP BY x.organisation_id, x.metric_id) pm
        JOIN impact_metric mt ON mt.id = pm.metric_id
       GROUP BY pm.organisation_id`,
  },
  measurements: {
    kind: "page", target: () => ImpactMeasurement, ordering: { name: "latestPeriodFirst", keys: ["period_end", "id"], direction: "DESC" },
    visible: ofOwnOrganisation,
    from: () => Sql.raw("SELECT x.*, x.organisation_id AS __parent FROM impact_measurement x"),
  },
  yearlyFacts: {
    kind: "many", target: () => OrganisationYear, orderBy: ["year DESC"],
    visible: ofOwnOrganisation,
    from: () => Sql.raw("SELECT y.*, y.organisation_id AS __parent FROM impact_organisation_year y"),
  },
});
