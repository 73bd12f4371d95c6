// What measurements are worth: quantity × the proxy value in force on the period's last day (the rule every summary
// uses), with the proxy's version, so another module (funds' social repayment claims) can cost what it cites.
import type { DataSource, EntityManager } from "typeorm";
import { MeasurementSource } from "./impact.enums";

export interface CostedMeasurement {
  measurementId: string;
  organisationId: string;
  metricCode: string;
  periodStart: string;
  periodEnd: string;
  quantity: number;
  verified: boolean;
  /** Null when the measure had no proxy value in force at the period's end. */
  proxyVersion: number | null;
  valuePerUnitPence: number | null;
  /** Whole pence, rounded half away from zero, as summaries round. */
  valuePence: number | null;
}

/** The measurements with these ids (missing ones are absent from the map), costed; one statement. */
export async function costMeasurements(db: DataSource | EntityManager, ids: string[]): Promise<Map<string, CostedMeasurement>> {
  if (!ids.length) return new Map();
  const rows: {
    id: string; organisation_id: string; code: string; period_start: string; period_end: string; quantity: string; source: string;
    version: number | null; value_per_unit_pence: string | null; value_pence: string | null;
  }[] = await db.query(
    `SELECT x.id, x.organisation_id, m.code, x.period_start::text, x.period_end::text, x.quantity::text, x.source,
            p.version, p.value_per_unit_pence::text, round(x.quantity * p.value_per_unit_pence)::bigint::text AS value_pence
     FROM impact_measurement x JOIN impact_metric m ON m.id = x.metric_id
     LEFT JOIN LATERAL (SELECT version, value_per_unit_pence FROM impact_proxy_value v
       WHERE v.metric_id = x.metric_id AND v.valid_from <= x.period_end ORDER BY v.valid_from DESC LIMIT 1) p ON true
     WHERE x.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, {
    measurementId: r.id, organisationId: r.organisation_id, metricCode: r.code, periodStart: r.period_start, periodEnd: r.period_end,
    quantity: Number(r.quantity), verified: r.source === MeasurementSource.VERIFIED, proxyVersion: r.version,
    valuePerUnitPence: r.value_per_unit_pence === null ? null : Number(r.value_per_unit_pence),
    valuePence: r.value_pence === null ? null : Number(r.value_pence),
  }]));
}

/** An organisation's verified measurements whose periods end from `from` to `to`, costed, cheapest first (demo data, tools). */
export async function costVerifiedMeasurementsOf(db: DataSource | EntityManager, organisationId: string, from: string, to: string): Promise<CostedMeasurement[]> {
  const ids: { id: string }[] = await db.query(
    `SELECT id FROM impact_measurement WHERE organisation_id = $1 AND source = $2 AND period_end BETWEEN $3 AND $4`,
    [organisationId, MeasurementSource.VERIFIED, from, to],
  );
  const costed = [...(await costMeasurements(db, ids.map((r) => r.id))).values()];
  return costed.filter((x) => x.valuePence !== null).sort((a, b) => a.valuePence! - b.valuePence! || a.measurementId.localeCompare(b.measurementId));
}
