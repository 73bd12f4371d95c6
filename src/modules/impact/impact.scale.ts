// The scale generator's part: 100 measurements per generated organisation (`--scale 10000` makes 1,000,000), the shape
// of real returns: each organisation reports 5 measures, quarterly, over five years (2021-2025), a third verified.
import type { EntityManager } from "typeorm";
import { insertMany, seededRandom } from "../../demo/seeding";
import { organisationsApi } from "../organisations/organisations.api";
import { DEMO_CATALOGUE, seedDemoCatalogue } from "./catalogue.seed";

export const MEASUREMENTS_PER_ORGANISATION = 100;
const MEASURES_EACH = 5;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const QUARTERS: [string, string][] = [["01-01", "03-31"], ["04-01", "06-30"], ["07-01", "09-30"], ["10-01", "12-31"]];

export async function generateScaleImpact(m: EntityManager, count: number, seed: number): Promise<number> {
  const metricIds = await seedDemoCatalogue(m);
  const rnd = seededRandom(seed + 14);
  // One organisation's share per organisation generated, spread over the register (which the generator just grew).
  const register = await organisationsApi.listActive(m);
  if (!register.length) return 0;
  const organisations = Array.from({ length: count }, (_, n) => register[n % register.length]);
  const codes = DEMO_CATALOGUE.map((e) => e.code);
  let made = 0;
  let rows: unknown[][] = [];
  for (const o of organisations) {
    const start = Math.floor(rnd() * codes.length);
    for (let k = 0; k < MEASURES_EACH; k++) {
      const metricId = metricIds.get(codes[(start + k * 5) % codes.length]);
      for (const year of YEARS) {
        for (const [from, to] of QUARTERS) {
          rows.push([o.id, metricId, `${year}-${from}`, `${year}-${to}`, Math.round(rnd() * 50_000) / 100, ...(rnd() < 0.33 ? ["VERIFIED", `${year + 1}-02-01T09:00:00Z`] : ["SELF_REPORTED", null])]);
        }
      }
    }
    if (rows.length >= 50_000) {
      made += await flush(m, rows);
      rows = [];
    }
  }
  return made + await flush(m, rows);
}

async function flush(m: EntityManager, rows: unknown[][]): Promise<number> {
  await insertMany(m, "impact_measurement", ["organisation_id", "metric_id", "period_start", "period_end", "quantity", "source", "verified_at"], rows);
  return rows.length;
}
