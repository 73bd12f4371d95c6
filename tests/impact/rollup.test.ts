// The rollup impactSummary reads (impact_rollup, kept by PostgreSQL triggers) equals a recomputation from the raw rows
// after every kind of write: bulk inserts, service records and corrections, verifications, deletes, a new proxy
// version, concurrent writers of one key; and the place rollup, presence and yearly presence follow, also when an
// organisation moves.
import { startTestApp, TestApp } from "../support/test-app";
import { viewerWith } from "../support/organisation-factories";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { raceTest } from "../support/races";
import { catalogue, organisationsIn } from "./support";

let app: TestApp;
let metricIds: Map<string, string>;
let orgs: string[];
const ADMIN = viewerWith({ roles: [Role.ADMIN] });

beforeAll(async () => {
  app = await startTestApp();
  metricIds = await catalogue(app.db);
  orgs = await organisationsIn(app.db, "E08000012", 3);
});
afterAll(() => app.close());

interface Raw { id: string; organisation_id: string; metric_id: string; period_end: string; quantity: string; created_at: Date }
const quarterOf = (day: string) => `${day.slice(0, 4)}-${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
const cents = (v: string | number) => Math.round(Number(v) * 100);

/** The rollup as it should be, from the raw rows and the proxy table, computed here rather than in SQL. */
async function expectedRollup(): Promise<string[]> {
  const rows: Raw[] = await app.db.query("SELECT id, organisation_id, metric_id, period_end::text, quantity::text, created_at FROM impact_measurement");
  const proxies: { metric_id: string; valid_from: string; pence: string }[] = await app.db.query(
    "SELECT metric_id, valid_from::text, value_per_unit_pence::text AS pence FROM impact_proxy_value ORDER BY valid_from");
  const proxyAt = (metric: string, day: string) => proxies.filter((p) => p.metric_id === metric && p.valid_from <= day).map((p) => Number(p.pence)).pop() ?? 0;
  const byKey = new Map<string, Raw[]>();
  for (const r of rows) {
    const k = `${r.organisation_id} ${r.metric_id} ${quarterOf(r.period_end)}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return [...byKey].map(([k, rs]) => {
    const latest = [...rs].sort((a, b) => (a.period_end !== b.period_end ? (a.period_end < b.period_end ? 1 : -1)
      : a.created_at.getTime() !== b.created_at.getTime() ? b.created_at.getTime() - a.created_at.getTime() : (a.id < b.id ? 1 : -1)))[0];
    const value = rs.reduce((s, r) => s + Math.round((cents(r.quantity) * proxyAt(r.metric_id, r.period_end)) / 100), 0);
    return `${k} n=${rs.length} q=${rs.reduce((s, r) => s + cents(r.quantity), 0)} v=${value} latest=${latest.period_end}:${cents(latest.quantity)}`;
  }).sort();
}

async function rollup(): Promise<string[]> {
  const rows = await app.db.query("SELECT organisation_id, metric_id, quarter::text, measurements, quantity::text, social_value_pence::text, latest_end::text, latest_quantity::text FROM impact_rollup");
  return rows.map((r: Record<string, string>) => `${r.organisation_id} ${r.metric_id} ${r.quarter} n=${r.measurements} q=${cents(r.quantity)} v=${r.social_value_pence} latest=${r.latest_end}:${cents(r.latest_quantity)}`).sort();
}

/** The place rollup and presence as they should be: the expected rollup by each organisation's registered place now. */
async function expectedByPlace(): Promise<{ places: string[]; presence: string[]; years: string[] }> {
  const placeOf = new Map<string, string>((await app.db.query("SELECT id, coalesce(registered_place_id, '00000000-0000-0000-0000-000000000000') AS place FROM organisation"))
    .map((o: { id: string; place: string }) => [o.id, o.place]));
  const places = new Map<string, { n: number; q: number; v: number }>();
  const presence = new Map<string, number>();
  for (const line of await expectedRollup()) {
    const [org, metric, quarter, n, q, v] = line.split(" ");
    const k = `${placeOf.get(org)} ${metric} ${quarter}`;
    const e = places.get(k) ?? { n: 0, q: 0, v: 0 };
    places.set(k, { n: e.n + Number(n.slice(2)), q: e.q + Number(q.slice(2)), v: e.v + Number(v.slice(2)) });
    presence.set(`${org} ${quarter}`, (presence.get(`${org} ${quarter}`) ?? 0) + 1);
  }
  // Each organisation's quarters of a year as a mask (bit 0 = Q1).
  const years = new Map<string, number>();
  for (const k of presence.keys()) {
    const [org, quarter] = k.split(" ");
    const y = `${org} ${quarter.slice(0, 4)}-01-01`;
    years.set(y, (years.get(y) ?? 0) | (1 << ((Number(quarter.slice(5, 7)) - 1) / 3)));
  }
  return {
    places: [...places].map(([k, e]) => `${k} n=${e.n} q=${e.q} v=${e.v}`).sort(),
    presence: [...presence].map(([k, n]) => `${k} ${n}`).sort(),
    years: [...years].map(([k, m]) => `${k} ${m}`).sort(),
  };
}

async function byPlace(): Promise<{ places: string[]; presence: string[]; years: string[] }> {
  const places = await app.db.query("SELECT place_id, metric_id, quarter::text, measurements, quantity::text, social_value_pence::text FROM impact_place_rollup");
  const presence = await app.db.query("SELECT organisation_id, quarter::text, measures FROM impact_presence");
  const years = await app.db.query("SELECT organisation_id, year::text, quarters FROM impact_presence_year");
  return {
    places: places.map((r: Record<string, string>) => `${r.place_id} ${r.metric_id} ${r.quarter} n=${r.measurements} q=${cents(r.quantity)} v=${r.social_value_pence}`).sort(),
    presence: presence.map((r: Record<string, string>) => `${r.organisation_id} ${r.quarter} ${r.measures}`).sort(),
    years: years.map((r: Record<string, string>) => `${r.organisation_id} ${r.year} ${r.quarters}`).sort(),
  };
}

const expectInStep = async () => {
  expect(await rollup()).toEqual(await expectedRollup());
  expect(await byPlace()).toEqual(await expectedByPlace());
};

test("bulk inserts, service records, corrections that move a period, verifications and deletes keep the rollup equal to the raw rows", async () => {
  // A bulk import: one statement, many keys, several rows on one key (two on the same day for LATEST's tie-break).
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const [i, org] of orgs.entries()) {
    for (const [code, end, qty] of [["VOLUNTEER_HOURS", "2024-03-31", 10.5 + i], ["VOLUNTEER_HOURS", "2024-02-29", 3.25], ["VOLUNTEERS", "2024-03-31", 7 + i],
      ["VOLUNTEERS", "2024-03-31", 9], ["CARBON_SAVED", "2023-12-31", 1.75 * (i + 1)], ["SATISFACTION_SCORE", "2024-06-30", 80 + i]] as const) {
      tuples.push(`($${values.length + 1}, $${values.length + 2}, $${values.length + 3}, $${values.length + 4}, $${values.length + 5})`);
      values.push(org, metricIds.get(code), `${end.slice(0, 7)}-01`, end, qty);
    }
  }
  await app.db.query(`INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity) VALUES ${tuples.join(", ")}`, values);
  await expectInStep();
  expect((await rollup()).length).toBe(orgs.length * 4);

  const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { measurement { id } userErrors { code } } }`;
  const recorded = await app.ok(RECORD, { input: { organisationId: toGlobalId("Organisation", orgs[0]), metricCode: "LOCAL_SPEND",
    periodStart: "2024-07-01", periodEnd: "2024-09-30", quantity: 1234.56 } }, ADMIN);
  const id = recorded.recordMeasurement.measurement.id;
  await expectInStep();

  // A correction that moves the period into another quarter empties the old key and fills the new one.
  const CORRECT = `mutation($input: CorrectMeasurementInput!) { correctMeasurement(input: $input) { measurement { version } userErrors { code } } }`;
  const corrected = await app.ok(CORRECT, { input: { measurementId: id, expectedVersion: 1, periodStart: "2024-10-01", periodEnd: "2024-12-31", quantity: 99.99, reason: "Wrong quarter" } }, ADMIN);
  expect(corrected.correctMeasurement.userErrors).toEqual([]);
  await expectInStep();
  const VERIFY = `mutation($input: VerifyMeasurementInput!) { verifyMeasurement(input: $input) { measurement { version } userErrors { code } } }`;
  expect((await app.ok(VERIFY, { input: { measurementId: id, expectedVersion: 2 } }, ADMIN)).verifyMeasurement.userErrors).toEqual([]);
  await expectInStep();

  // A bulk correction and deletes by another writer, straight in SQL.
  await app.db.query("UPDATE impact_measurement SET quantity = quantity * 2 WHERE metric_id = $1", [metricIds.get("VOLUNTEER_HOURS")]);
  await expectInStep();
  await app.db.query("DELETE FROM impact_measurement WHERE metric_id = $1 AND organisation_id = $2", [metricIds.get("VOLUNTEERS"), orgs[1]]);
  await app.db.query("DELETE FROM impact_measurement WHERE period_end = '2024-02-29' AND organisation_id = $1", [orgs[2]]);
  await expectInStep();
  expect((await rollup()).some((r) => r.startsWith(`${orgs[1]} ${metricIds.get("VOLUNTEERS")}`))).toBe(false);
});

test("a new proxy version revalues the rollup's later quarters and leaves earlier ones", async () => {
  const carbon = metricIds.get("CARBON_SAVED")!;
  await app.db.query("INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity) VALUES ($1, $2, '2025-01-01', '2025-03-31', 4.5)", [orgs[0], carbon]);
  const before = (await rollup()).filter((r) => r.includes(` ${carbon} 2023-`));
  const added = await app.ok(`mutation { addProxyValue(input: { metricCode: "CARBON_SAVED", valuePerUnitPence: 31000, validFrom: "2025-02-01", source: "Test" }) {
    userErrors { code } } }`, {}, ADMIN);
  expect(added.addProxyValue.userErrors).toEqual([]);
  await expectInStep();
  expect((await rollup()).filter((r) => r.includes(` ${carbon} 2023-`))).toEqual(before);
  expect((await rollup()).find((r) => r.includes(` ${carbon} 2025-01-01`))).toContain(`v=${Math.round(4.5 * 31000)}`);
});

test("an organisation that moves to another place takes its figures with it: impactSummary by PLACE follows the register", async () => {
  const Q = `query($f: ImpactFilter!) { impactSummary(filter: $f, groupBy: [PLACE]) { groups { place { code } organisationCount socialValue { pence } } } }`;
  const filter = { from: "2021-01-01", to: "2025-12-31" };
  const before = await app.ok(Q, { f: filter }, ADMIN);
  expect(before.impactSummary.groups.map((g: { place: { code: string } }) => g.place.code)).toEqual(["E08000012"]);
  const [sefton] = await app.db.query("SELECT id FROM place WHERE code = 'E08000014'");
  await app.db.query("UPDATE organisation SET registered_place_id = $1 WHERE id = $2", [sefton.id, orgs[2]]);
  await expectInStep();
  // Moving back and forth, and to no place at all, leaves nothing behind.
  await app.db.query("UPDATE organisation SET registered_place_id = NULL WHERE id = $1", [orgs[1]]);
  await expectInStep();
  const [liverpool] = await app.db.query("SELECT id FROM place WHERE code = 'E08000012'");
  await app.db.query("UPDATE organisation SET registered_place_id = $1 WHERE id = $2", [liverpool.id, orgs[1]]);
  await expectInStep();
  const after = await app.ok(Q, { f: filter }, ADMIN);
  const [{ pence }] = await app.db.query("SELECT coalesce(sum(social_value_pence), 0)::bigint::text AS pence FROM impact_rollup WHERE organisation_id = $1", [orgs[2]]);
  const byPlace = Object.fromEntries(after.impactSummary.groups.map((g: { place: { code: string } }) => [g.place.code, g]));
  expect(byPlace.E08000014).toEqual({ place: { code: "E08000014" }, organisationCount: 1, socialValue: { pence: Number(pence) } });
  expect(byPlace.E08000012.organisationCount).toBe(2);
  expect(byPlace.E08000012.socialValue.pence + Number(pence)).toBe(before.impactSummary.groups[0].socialValue.pence);
});

raceTest("50 writers of one organisation, measure and quarter at once, each in its own transaction, leave the rollup exact", async () => {
  const hours = metricIds.get("VOLUNTEER_HOURS")!;
  await Promise.all(Array.from({ length: 50 }, (_, i) => app.db.query(
    "INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity) VALUES ($1, $2, '2022-04-01', $3, $4)",
    [orgs[0], hours, `2022-0${4 + (i % 3)}-2${i % 9}`, 1 + i])));
  await Promise.all(Array.from({ length: 20 }, (_, i) => app.db.query(
    "DELETE FROM impact_measurement WHERE organisation_id = $1 AND metric_id = $2 AND quantity = $3", [orgs[0], hours, 1 + i * 2])));
  await expectInStep();
  expect((await rollup()).find((r) => r.includes(` ${hours} 2022-04-01`))).toContain("n=30");
  // Writers racing an organisation's move between places: its sums end up all in the place it ended in.
  const [sefton] = await app.db.query("SELECT id FROM place WHERE code = 'E08000014'");
  const [liverpool] = await app.db.query("SELECT id FROM place WHERE code = 'E08000012'");
  await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 10 === 0
    ? app.db.query("UPDATE organisation SET registered_place_id = $1 WHERE id = $2", [i % 20 === 0 ? sefton.id : liverpool.id, orgs[0]])
    : app.db.query("INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity) VALUES ($1, $2, '2022-07-01', '2022-09-30', $3)",
      [orgs[0], hours, i]))));
  await expectInStep();
});

raceTest("50 writers of one organisation's quarters of a year at once, adding and emptying quarters, leave its yearly mask exact", async () => {
  const codes = ["PEOPLE_SUPPORTED", "VOLUNTEER_HOURS", "CARBON_SAVED", "LOCAL_SPEND", "VOLUNTEERS"];
  const ends = ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"];
  await Promise.all(Array.from({ length: 50 }, (_, i) => app.db.query(
    "INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity) VALUES ($1, $2, $3, $3, $4)",
    [orgs[1], metricIds.get(codes[i % 5]), ends[Math.floor(i / 5) % 4], 1 + i])));
  await expectInStep();
  // Emptying two quarters while others write into them and into the rest.
  await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 5 === 0
    ? app.db.query("DELETE FROM impact_measurement WHERE organisation_id = $1 AND period_end IN ($2, $3)", [orgs[1], ends[(i / 5) % 2], ends[2 + ((i / 5) % 2)]])
    : app.db.query("INSERT INTO impact_measurement (organisation_id, metric_id, period_start, period_end, quantity) VALUES ($1, $2, $3, $3, $4)",
      [orgs[1], metricIds.get(codes[i % 5]), ends[i % 4], 2 + i]))));
  await expectInStep();
  await app.db.query("DELETE FROM impact_measurement WHERE organisation_id = $1 AND period_end < '2022-01-01'", [orgs[1]]);
  await expectInStep();
  expect((await app.db.query("SELECT 1 FROM impact_presence_year WHERE organisation_id = $1 AND year = '2021-01-01'", [orgs[1]])).length).toBe(0);
});
