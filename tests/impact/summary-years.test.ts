// impactSummary over whole places by PLACE and YEAR reads each organisation's quarters of a year as a mask
// (impact_presence_year); asked with a measure filter naming every measure it reads each organisation's own rows
// (the path summary.test.ts checks against raw rows). Both must answer the same for every caller, grouping and range,
// with quarters whose cells an analyst may and may not see inside one year.
import { startTestApp, TestApp } from "../support/test-app";
import { viewerWith } from "../support/organisation-factories";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { DEMO_CATALOGUE } from "../../src/modules/impact/catalogue.seed";
import { catalogue, insertMeasurements, organisationsIn, RawMeasurement } from "./support";

let app: TestApp;
const ADMIN = viewerWith({ roles: [Role.ADMIN] });
const ANALYST = viewerWith({ roles: [Role.ANALYST] });

const QUARTERS: [string, string][] = [["2023-10-01", "2023-12-31"], ["2024-01-01", "2024-03-31"], ["2024-04-01", "2024-06-30"],
  ["2024-07-01", "2024-09-30"], ["2025-01-01", "2025-03-31"]];

beforeAll(async () => {
  app = await startTestApp();
  const metricIds = await catalogue(app.db);
  const liverpool = await organisationsIn(app.db, "E08000012", 8);
  const sefton = await organisationsIn(app.db, "E08000014", 5);
  // Which quarters (indexes into QUARTERS) each organisation reports in: Liverpool's 2024-Q1 has 6 organisations
  // (shown), 2024-Q2 3 (suppressed), 2024-Q3 5 (shown), 2023-Q4 4 (suppressed); one Liverpool organisation reports
  // only in suppressed quarters; Sefton's 2024-Q1 has 5 and its other quarters fewer.
  const plan: [string, number[]][] = [
    [liverpool[0], [0, 1, 2, 3]], [liverpool[1], [0, 1, 3]], [liverpool[2], [0, 1, 2, 4]], [liverpool[3], [1, 3]],
    [liverpool[4], [1, 3]], [liverpool[5], [1, 3, 4]], [liverpool[6], [0, 2]], [liverpool[7], [4]],
    [sefton[0], [1, 2]], [sefton[1], [1]], [sefton[2], [1, 4]], [sefton[3], [1, 0]], [sefton[4], [1, 3]],
  ];
  const codes = ["PEOPLE_SUPPORTED", "VOLUNTEERS", "CARBON_SAVED", "COMMUNITY_MEMBERS", "SATISFACTION_SCORE"];
  const raw: RawMeasurement[] = [];
  let n = 0;
  for (const [organisationId, quarters] of plan) {
    for (const i of quarters) {
      for (const code of codes.slice(0, 2 + ((n + i) % 4))) raw.push({ organisationId, code, periodStart: QUARTERS[i][0], periodEnd: QUARTERS[i][1], quantity: 5 + (n++ % 13) * 1.5 });
    }
  }
  await insertMeasurements(app.db, metricIds, raw);
});
afterAll(() => app.close());

const QUERY = `query($filter: ImpactFilter!, $groupBy: [ImpactGroupBy!]) { impactSummary(filter: $filter, groupBy: $groupBy) {
  from to total { suppressed organisationCount socialValue { pence } measures { metric { code } quantity measurements socialValue { pence } } }
  groups { place { code } year suppressed organisationCount socialValue { pence } measures { metric { code } quantity measurements socialValue { pence } } } } }`;

test("by PLACE and YEAR, by either and by nothing, for ADMIN and ANALYST, over whole and partial years: the yearly presence answers as each organisation's rows do", async () => {
  const [lcr] = await app.db.query("SELECT id FROM place WHERE code = 'E47000004'");
  const everyMeasure = DEMO_CATALOGUE.map((e) => e.code);
  const sortMeasures = (d: { impactSummary: { total: { measures: { metric: { code: string } }[] | null }; groups: { measures: { metric: { code: string } }[] | null }[] } }) => {
    for (const f of [d.impactSummary.total, ...d.impactSummary.groups]) f.measures?.sort((a, b) => a.metric.code.localeCompare(b.metric.code));
    return d;
  };
  let compared = 0;
  for (const [from, to] of [["2023-01-01", "2025-12-31"], ["2024-04-01", "2024-09-30"], ["2023-10-01", "2024-06-30"]]) {
    for (const placeIds of [[toGlobalId("Place", lcr.id)], null]) {
      for (const groupBy of [["PLACE", "YEAR"], ["YEAR", "PLACE"], ["YEAR"], ["PLACE"], []]) {
        for (const viewer of [ADMIN, ANALYST]) {
          const yearly = sortMeasures(await app.ok(QUERY, { filter: { placeIds, from, to }, groupBy }, viewer));
          const perOrganisation = sortMeasures(await app.ok(QUERY, { filter: { placeIds, from, to, metricCodes: everyMeasure }, groupBy }, viewer));
          // The per-organisation path lists only measures reported; so does the yearly one (place rollup rows).
          expect(yearly).toEqual(perOrganisation);
          compared++;
        }
      }
    }
  }
  expect(compared).toBe(60);
  // The data does exercise suppression inside a year: an analyst sees fewer Liverpool organisations in 2024 than ADMIN.
  const f = { filter: { placeIds: [toGlobalId("Place", lcr.id)], from: "2024-01-01", to: "2024-12-31" }, groupBy: ["PLACE", "YEAR"] };
  const liverpool = (d: { impactSummary: { groups: { place: { code: string }; organisationCount: number | null }[] } }) =>
    d.impactSummary.groups.find((g) => g.place.code === "E08000012")!.organisationCount;
  expect(liverpool(await app.ok(QUERY, f, ADMIN))).toBe(7);
  expect(liverpool(await app.ok(QUERY, f, ANALYST))).toBe(6);
});
