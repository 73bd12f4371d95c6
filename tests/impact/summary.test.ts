// impactSummary against sums computed independently from the raw rows, for every grouping; suppression for ANALYST
// (also by differencing two filters) and not for ADMIN; proxy versions applied by period.
import { startTestApp, TestApp } from "../support/test-app";
import { viewerWith } from "../support/organisation-factories";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { catalogue, insertMeasurements, organisationsIn, RawMeasurement } from "./support";
import { DEMO_CATALOGUE } from "../../src/modules/impact/catalogue.seed";

let app: TestApp;
let metricIds: Map<string, string>;
const ADMIN = viewerWith({ roles: [Role.ADMIN] });
const ANALYST = viewerWith({ roles: [Role.ANALYST] });
const LIVERPOOL = "E08000012";
const SEFTON = "E08000014";
const raw: (RawMeasurement & { place: string })[] = [];

beforeAll(async () => {
  app = await startTestApp();
  metricIds = await catalogue(app.db);
  // Liverpool: 6 organisations; Sefton: 3 (too few to show an analyst).
  const liverpool = await organisationsIn(app.db, LIVERPOOL, 6);
  const sefton = await organisationsIn(app.db, SEFTON, 3);
  const codes = ["PEOPLE_SUPPORTED", "VOLUNTEER_HOURS", "CARBON_SAVED", "LOCAL_SPEND"];
  let n = 0;
  for (const [place, orgs] of [[LIVERPOOL, liverpool], [SEFTON, sefton]] as const) {
    for (const organisationId of orgs) {
      for (const [periodStart, periodEnd] of [["2023-01-01", "2023-12-31"], ["2024-01-01", "2024-03-31"], ["2024-07-01", "2024-09-30"]]) {
        for (const code of codes) raw.push({ place, organisationId, code, periodStart, periodEnd, quantity: 10 + (n++ % 17) * 3.25 });
      }
    }
  }
  await insertMeasurements(app.db, metricIds, raw);
});
afterAll(() => app.close());

/** The proxy in force at a day, from the catalogue's own definition (not the database). */
function proxyAt(code: string, day: string): number {
  const versions = DEMO_CATALOGUE.find((e) => e.code === code)!.proxies.filter(([from]) => from <= day);
  return versions.length ? versions[versions.length - 1][1] : 0;
}
const value = (r: RawMeasurement) => Math.round(r.quantity * proxyAt(r.code, r.periodEnd));
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

const QUERY = `query($filter: ImpactFilter!, $groupBy: [ImpactGroupBy!]) { impactSummary(filter: $filter, groupBy: $groupBy) {
  from to total { suppressed organisationCount socialValue { pence } measures { metric { code } quantity socialValue { pence } } }
  groups { place { code } theme year quarter suppressed organisationCount socialValue { pence } measures { metric { code } quantity } } } }`;

async function lcr(): Promise<string> {
  const [row] = await app.db.query("SELECT id FROM place WHERE code = 'E47000004'");
  return toGlobalId("Place", row.id);
}

test("totals and groups by PLACE, YEAR, QUARTER and THEME equal sums of the raw rows (ADMIN sees every group)", async () => {
  const filter = { placeIds: [await lcr()], from: "2023-01-01", to: "2024-12-31" };
  const keyOf: Record<string, (r: RawMeasurement & { place: string }) => string> = {
    PLACE: (r) => r.place, YEAR: (r) => r.periodEnd.slice(0, 4), QUARTER: (r) => quarterOf(r.periodEnd),
    THEME: (r) => DEMO_CATALOGUE.find((e) => e.code === r.code)!.theme,
  };
  for (const dim of Object.keys(keyOf)) {
    const d = await app.ok(QUERY, { filter, groupBy: [dim] }, ADMIN);
    const expected = new Map<string, { sv: number; orgs: Set<string> }>();
    for (const r of raw) {
      const k = keyOf[dim](r);
      if (!expected.has(k)) expected.set(k, { sv: 0, orgs: new Set() });
      expected.get(k)!.sv += value(r);
      expected.get(k)!.orgs.add(r.organisationId);
    }
    type G = { place: { code: string } | null; theme: string | null; year: number | null; quarter: number | null; organisationCount: number; socialValue: { pence: number } };
    const got = new Map((d.impactSummary.groups as G[]).map((g) => [
      dim === "PLACE" ? g.place!.code : dim === "YEAR" ? String(g.year) : dim === "QUARTER" ? `${g.year}-Q${g.quarter}` : g.theme!, g,
    ]));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, e] of expected) {
      expect(got.get(k)!.socialValue.pence).toBe(e.sv);
      expect(got.get(k)!.organisationCount).toBe(e.orgs.size);
    }
    expect(d.impactSummary.total.socialValue.pence).toBe(raw.reduce((s, r) => s + value(r), 0));
    expect(d.impactSummary.total.organisationCount).toBe(9);
  }
});

test("quantities per measure add up as each measure says (SUM) and match the raw rows", async () => {
  const d = await app.ok(QUERY, { filter: { from: "2024-01-01", to: "2024-12-31" } }, ADMIN);
  const in2024 = raw.filter((r) => r.periodEnd >= "2024-01-01");
  for (const code of ["PEOPLE_SUPPORTED", "VOLUNTEER_HOURS", "CARBON_SAVED", "LOCAL_SPEND"]) {
    const m = d.impactSummary.total.measures.find((x: { metric: { code: string } }) => x.metric.code === code);
    expect(m.quantity).toBeCloseTo(in2024.filter((r) => r.code === code).reduce((s, r) => s + r.quantity, 0), 2);
  }
});

test("a group of fewer than 5 organisations is suppressed for ANALYST, and totals are the sum of what is shown", async () => {
  const filter = { placeIds: [await lcr()], from: "2023-01-01", to: "2024-12-31" };
  const d = await app.ok(QUERY, { filter, groupBy: ["PLACE"] }, ANALYST);
  const sefton = d.impactSummary.groups.find((g: { place: { code: string } }) => g.place.code === SEFTON);
  expect(sefton).toMatchObject({ suppressed: true, organisationCount: null, socialValue: null, measures: null });
  const liverpool = d.impactSummary.groups.find((g: { place: { code: string } }) => g.place.code === LIVERPOOL);
  expect(liverpool.suppressed).toBe(false);
  expect(d.impactSummary.total.socialValue.pence).toBe(liverpool.socialValue.pence);
  expect(d.impactSummary.total.organisationCount).toBe(6);
});

test("differencing two filters reveals nothing of a small group to ANALYST", async () => {
  const [both, liverpoolOnly] = await Promise.all([
    app.ok(QUERY, { filter: { placeIds: [await lcr()], from: "2023-01-01", to: "2024-12-31" } }, ANALYST),
    app.ok(QUERY, { filter: { placeIds: [toGlobalId("Place", (await app.db.query("SELECT id FROM place WHERE code = $1", [LIVERPOOL]))[0].id)], from: "2023-01-01", to: "2024-12-31" } }, ANALYST),
  ]);
  expect(both.impactSummary.total.socialValue.pence - liverpoolOnly.impactSummary.total.socialValue.pence).toBe(0);
  const seftonOnly = await app.ok(QUERY, { filter: { placeIds: [toGlobalId("Place", (await app.db.query("SELECT id FROM place WHERE code = $1", [SEFTON]))[0].id)], from: "2023-01-01", to: "2024-12-31" } }, ANALYST);
  expect(seftonOnly.impactSummary.total).toMatchObject({ suppressed: true, socialValue: null });
  // ADMIN sees Sefton as it is.
  const admin = await app.ok(QUERY, { filter: { placeIds: [await lcr()], from: "2023-01-01", to: "2024-12-31" } }, ADMIN);
  const seftonValue = raw.filter((r) => r.place === SEFTON).reduce((s, r) => s + value(r), 0);
  expect(admin.impactSummary.total.socialValue.pence - both.impactSummary.total.socialValue.pence).toBe(seftonValue);
});

test("a period is valued at the proxy in force when it ended, and a new proxy version revalues only later periods", async () => {
  const one = raw.find((r) => r.code === "CARBON_SAVED" && r.periodEnd === "2023-12-31")!;
  const later = raw.find((r) => r.code === "CARBON_SAVED" && r.periodEnd === "2024-09-30" && r.organisationId === one.organisationId)!;
  const filter = (from: string, to: string) => ({ from, to, metricCodes: ["CARBON_SAVED"] });
  const before = await app.ok(QUERY, { filter: filter("2024-07-01", "2024-09-30") }, ADMIN);
  const sum = (rows: RawMeasurement[], pence: (r: RawMeasurement) => number) => rows.reduce((s, r) => s + pence(r), 0);
  const q3 = raw.filter((r) => r.code === "CARBON_SAVED" && r.periodEnd === "2024-09-30");
  expect(before.impactSummary.total.socialValue.pence).toBe(sum(q3, (r) => Math.round(r.quantity * 24_800)));
  const added = await app.ok(`mutation { addProxyValue(input: { metricCode: "CARBON_SAVED", valuePerUnitPence: 30000, validFrom: "2024-07-01", source: "Test" }) {
    proxyValue { version validFrom } userErrors { code } } }`, {}, ADMIN);
  expect(added.addProxyValue).toEqual({ proxyValue: { version: 3, validFrom: "2024-07-01" }, userErrors: [] });
  const after = await app.ok(QUERY, { filter: filter("2023-01-01", "2024-12-31") }, ADMIN);
  const c2023 = raw.filter((r) => r.code === "CARBON_SAVED" && r.periodEnd === "2023-12-31");
  const q1 = raw.filter((r) => r.code === "CARBON_SAVED" && r.periodEnd === "2024-03-31");
  expect(after.impactSummary.total.socialValue.pence).toBe(
    sum(c2023, (r) => Math.round(r.quantity * 7_000)) + sum(q1, (r) => Math.round(r.quantity * 7_000)) + sum(q3, (r) => Math.round(r.quantity * 30_000)));
  expect(one && later).toBeTruthy();
});

test("SQL statements for impactSummary and Organisation.impact on a page of organisations do not grow with page size", async () => {
  const page = `query($n: Int!) { organisations(first: $n) { nodes { name impact(from: "2023-01-01", to: "2024-12-31") { socialValue { pence } measures { metric { code name unit } quantity } } } }
    impactSummary(filter: { from: "2023-01-01", to: "2024-12-31" }, groupBy: [PLACE, YEAR]) { groups { place { name } year measures { metric { code } quantity } } } }`;
  const small = await app.run(page, { n: 2 }, ADMIN);
  const large = await app.run(page, { n: 9 }, ADMIN);
  expect(small.errors).toBeUndefined();
  expect(large.errors).toBeUndefined();
  expect((large.data as any).organisations.nodes.filter((o: any) => o.impact?.measures.length).length).toBeGreaterThan(2); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(large.sql).toBe(small.sql);
});

test("regionSummary gathers every module's figures for an analyst, social value by theme suppressed as impactSummary is", async () => {
  const d = await app.ok(`query($p: ID!) { regionSummary(placeId: $p, from: "2023-01-01", to: "2024-12-31") {
    organisations { registered } funding { awarded { pence } } assets { assetsHeld } homes { homesCompleted }
    socialValueByTheme { theme suppressed socialValue { pence } } } }`, { p: await lcr() }, ANALYST);
  expect(d.regionSummary.organisations.registered).toBeGreaterThanOrEqual(9);
  expect(d.regionSummary.funding).toEqual({ awarded: { pence: 0 } });
  const themes = Object.fromEntries(d.regionSummary.socialValueByTheme.map((t: { theme: string }) => [t.theme, t]));
  // Liverpool's six organisations report every theme here; Sefton's three are left out, never differenced back.
  const liverpoolHealth = raw.filter((r) => r.place === LIVERPOOL && ["PEOPLE_SUPPORTED", "VOLUNTEER_HOURS"].includes(r.code)).reduce((s, r) => s + value(r), 0);
  expect(themes.HEALTHIER_COMMUNITIES).toEqual({ theme: "HEALTHIER_COMMUNITIES", suppressed: false, socialValue: { pence: liverpoolHealth } });
});
