// Factories for impact tests: organisations in places with measurements inserted as raw rows, so a test can sum them
// independently of the summary's SQL.
import type { DataSource } from "typeorm";
import { makeOrganisation } from "../support/organisation-factories";
import { seedDemoCatalogue } from "../../src/modules/impact/catalogue.seed";

export interface RawMeasurement { organisationId: string; code: string; periodStart: string; periodEnd: string; quantity: number }

export async function catalogue(db: DataSource): Promise<Map<string, string>> {
  return db.transaction((m) => seedDemoCatalogue(m));
}

export async function organisationsIn(db: DataSource, placeCode: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await makeOrganisation(db, { placeCode, name: `Org ${placeCode} ${i} ${Math.random().toString(36).slice(2, 6)}` })).id);
  return ids;
}

export async function insertMeasurements(db: DataSource, metricIds: Map<string, string>, rows: RawMeasurement[]): Promise<void> {
  for (const r of rows) {
    await db.query("INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity) VALUES ($1, $2, $3, $4, $5)",
      [r.organisationId, metricIds.get(r.code), r.periodStart, r.periodEnd, r.quantity]);
  }
}
