// Demo data: the catalogue (demo proxy values, some revalued from April 2024), four years of annual reports and two of
// quarterly ones from the demo organisations, about half verified, one correction, and yearly facts. Halton has only
// three reporting organisations, so ANALYST sees its groups suppressed while ADMIN sees them.
import type { DemoContext } from "../../kith-module";
import type { Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { DEMO_USERS } from "../../demo/demo-accounts";
import { insertMany, must, pick, seededRandom } from "../../demo/seeding";
import { organisationsApi } from "../organisations/organisations.api";
import { placesApi } from "../places/places.api";
import { DEMO_OWNER_ORGANISATION } from "../organisations/organisations.demo";
import { DEMO_CATALOGUE, seedDemoCatalogue } from "./catalogue.seed";
import { MeasurementsService } from "./measurements.service";

const DEMO_SEED = 20261201;
const YEARS = [2022, 2023, 2024, 2025];
/** The bakery's own measures, so its profile shows a story: people trained and fed, jobs, local spend. */
const BAKERY_MEASURES = ["PEOPLE_SUPPORTED", "LOCAL_JOBS_CREATED", "APPRENTICESHIPS", "LOCAL_SPEND", "MEALS_PROVIDED", "VOLUNTEER_HOURS"];
const HALTON = "E06000006";
const HALTON_REPORTERS = 3;

/** A plausible yearly quantity for a measure (two decimals at most). */
function quantityFor(code: string, rnd: () => number): number {
  const unit = DEMO_CATALOGUE.find((e) => e.code === code)!.unit;
  const base = { PEOPLE: 200, FTE: 3, HOURS: 1500, POUNDS: 80_000, TONNES: 12, TONNES_CO2E: 8, COUNT: 40 }[unit];
  return Math.round(base * (0.3 + rnd() * 1.4) * (unit === "FTE" || unit === "TONNES" || unit === "TONNES_CO2E" ? 100 : 1)) /
    (unit === "FTE" || unit === "TONNES" || unit === "TONNES_CO2E" ? 100 : 1);
}

export async function loadDemoImpact({ manager: m }: DemoContext): Promise<void> {
  const metricIds = await seedDemoCatalogue(m);
  const rnd = seededRandom(DEMO_SEED);
  const organisations = await organisationsApi.listActive(m);
  const [halton] = await placesApi.idsByCode(m, [HALTON]).then((ids) => [...ids.values()]);
  const [admin] = await m.query("SELECT id FROM app_user WHERE email = $1", [DEMO_USERS.admin.email]);
  let haltonReporters = 0;
  const rows: unknown[][] = [];
  const facts: unknown[][] = [];
  for (const o of organisations) {
    if (o.registeredPlaceId === halton && ++haltonReporters > HALTON_REPORTERS) continue;
    const codes = o.name === DEMO_OWNER_ORGANISATION ? BAKERY_MEASURES
      : [...new Set(Array.from({ length: 4 + Math.floor(rnd() * 3) }, () => pick(rnd, DEMO_CATALOGUE).code))];
    for (const code of codes) {
      const quarterly = rnd() < 0.3;
      for (const year of YEARS) {
        const periods: [string, string][] = quarterly && year >= 2024
          ? [[`${year}-01-01`, `${year}-03-31`], [`${year}-04-01`, `${year}-06-30`], [`${year}-07-01`, `${year}-09-30`], [`${year}-10-01`, `${year}-12-31`]]
          : [[`${year}-01-01`, `${year}-12-31`]];
        for (const [start, end] of periods) {
          const q = quantityFor(code, rnd) / periods.length;
          const verified = rnd() < 0.5;
          rows.push([o.id, metricIds.get(code), start, end, Math.round(q * 100) / 100, `Annual return ${year}, kept at the organisation's office`,
            verified ? "VERIFIED" : "SELF_REPORTED", verified ? admin?.id ?? null : null, verified ? `${year + 1}-02-15T10:00:00Z` : null]);
        }
      }
    }
    for (const year of YEARS.slice(1)) {
      const turnover = Math.round((50_000 + rnd() * 450_000) * 100);
      facts.push([o.id, year, turnover, Math.round((1 + rnd() * 20) * 100) / 100, Math.floor(rnd() * 60), Math.round(turnover * rnd() * 0.4)]);
    }
  }
  await insertMany(m, "impact_measurement", ["organisation_id", "metric_id", "period_start", "period_end", "quantity", "evidence", "source", "verified_by", "verified_at"], rows);
  await insertMany(m, "impact_organisation_year", ["organisation_id", "year", "turnover_pence", "employees_fte", "volunteers", "external_funding_pence"], facts);

  // The bakery corrected its 2024 apprenticeships (a late starter counted): the first figure stays as a revision.
  const bakery = organisations.find((o) => o.name === DEMO_OWNER_ORGANISATION);
  if (bakery) {
    const [x] = await m.query(
      "SELECT id, version, quantity FROM impact_measurement WHERE organisation_id = $1 AND metric_id = $2 AND period_end = '2024-12-31'",
      [bakery.id, metricIds.get("APPRENTICESHIPS")],
    );
    const actor: Actor = { viewer: { userId: admin?.id ?? null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
    must(await new MeasurementsService(m).correct(actor, x.id, { expectedVersion: x.version, quantity: Number(x.quantity) + 1, reason: "One apprentice started in December and was missed." }));
  }
}
