// Importing measurements from CSV: a good file is recorded whole (one audit event, one domain event, with the row
// count); any bad line is reported by number and column and nothing is recorded; editors import only for their own
// organisations; 100,000 rows go in over HTTP in bounded time, and a larger file is refused.
import { startTestApp, TestApp } from "../support/test-app";
import { makeOrganisation, viewerWith } from "../support/organisation-factories";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { OrganisationRole, Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { catalogue } from "./support";
import { addDays, londonDate } from "../../src/kit/calendar";

let app: TestApp;
const ADMIN = viewerWith({ roles: [Role.ADMIN] });
const IMPORT = `mutation($input: ImportMeasurementsInput!) { importMeasurements(input: $input) {
  imported { rows organisations } userErrors { field code message } } }`;
const HEADER = "organisation_id,metric_code,period_start,period_end,quantity,evidence";

beforeAll(async () => {
  app = await startTestApp();
  await catalogue(app.db);
});
afterAll(() => app.close());

const count = async () => (await app.db.query("SELECT count(*)::int AS n FROM impact_measurement"))[0].n as number;
const gid = (id: string) => toGlobalId("Organisation", id);
type Problem = { field: string[]; code: string; message: string };

test("a good file is recorded whole, with one audit event and one domain event counting its rows", async () => {
  const a = await makeOrganisation(app.db);
  const b = await makeOrganisation(app.db);
  const csv = [HEADER,
    `${gid(a.id)},VOLUNTEER_HOURS,2024-01-01,2024-03-31,120.5,"rota, Q1"`,
    `${gid(a.id)},CARBON_SAVED,2024-01-01,2024-12-31,-2.25,`,
    `${gid(b.id)},MEALS_PROVIDED,2024-01-01,2024-06-30,900,"two\r\nlines of notes"`,
  ].join("\r\n") + "\r\n";
  const before = await count();
  const r = (await app.ok(IMPORT, { input: { csv } }, ADMIN)).importMeasurements;
  expect(r).toEqual({ imported: { rows: 3, organisations: 2 }, userErrors: [] });
  expect(await count()).toBe(before + 3);
  const rows = await app.db.query("SELECT quantity::text, evidence, source FROM impact_measurement WHERE organisation_id = $1 ORDER BY quantity", [a.id]);
  expect(rows).toEqual([{ quantity: "-2.25", evidence: null, source: "SELF_REPORTED" }, { quantity: "120.50", evidence: "rota, Q1", source: "SELF_REPORTED" }]);
  const audits = await app.db.query("SELECT changes FROM audit_event WHERE action = 'measurement.import' ORDER BY occurred_at DESC LIMIT 1");
  expect(JSON.stringify(audits[0].changes)).toContain("3");
  const [event] = await app.db.query("SELECT data FROM domain_event WHERE type = 'measurements.imported' ORDER BY id DESC LIMIT 1");
  expect(event.data.rows).toBe(3);
  expect(event.data.organisationIds.sort()).toEqual([a.id, b.id].sort());
});

test("every bad line is reported by number and column, and nothing is recorded", async () => {
  const org = await makeOrganisation(app.db);
  const archived = await makeOrganisation(app.db);
  await app.db.query("UPDATE organisation SET archived_at = now() WHERE id = $1", [archived.id]);
  const o = gid(org.id);
  const lines = [HEADER,
    `${o},VOLUNTEER_HOURS,2023-01-01,2023-03-31,10,`, // 2: good
    `${o},NOT_A_MEASURE,2023-01-01,2023-03-31,10,`, // 3
    `${gid("00000000-0000-4000-8000-000000000000")},VOLUNTEER_HOURS,2023-01-01,2023-03-31,10,`, // 4
    `${gid(archived.id)},VOLUNTEER_HOURS,2023-01-01,2023-03-31,10,`, // 5
    `${o},MEALS_PROVIDED,2023-04-01,2023-03-31,10,`, // 6
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,-4,`, // 7
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,10`, // 8: five fields, the header has six
    `${o},MEALS_PROVIDED,2023-02-30,2023-03-31,10,`, // 9
    `${o},MEALS_PROVIDED,01/01/2023,2023-03-31,10,`, // 10
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,"1,000",`, // 11
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,10,bad \u0000 note`, // 12
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,10,caf\uFFFD`, // 13: invalid UTF-8 arrives as U+FFFD
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,10,x\uD800y`, // 14
    `${o},VOLUNTEER_HOURS,2023-01-01,2023-03-31,11,`, // 15: same as line 2
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,1e3,`, // 16
    `${o},MEALS_PROVIDED,2023-01-01,2023-03-31,10,a"b`, // 17
    `${o},MEALS_PROVIDED,${addDays(londonDate(), -30)},${addDays(londonDate(), 1)},10,`, // 18
  ];
  const before = await count();
  const r = (await app.run(IMPORT, { input: { csv: lines.join("\n") } }, ADMIN));
  expect(r.errors).toBeUndefined();
  const errors: Problem[] = r.data!.importMeasurements.userErrors;
  expect(r.data!.importMeasurements.imported).toBeNull();
  expect(errors.map((e) => [e.field.join("/"), e.code])).toEqual([
    ["csv/line 3/metric_code", "UNKNOWN_METRIC"],
    ["csv/line 4/organisation_id", "UNKNOWN_ORGANISATION"],
    ["csv/line 5/organisation_id", "ARCHIVED"],
    ["csv/line 6/period_end", "PERIOD_ENDS_BEFORE_START"],
    ["csv/line 7/quantity", "NEGATIVE_QUANTITY"],
    ["csv/line 8", "WRONG_COLUMNS"],
    ["csv/line 9/period_start", "INVALID_DAY"],
    ["csv/line 10/period_start", "INVALID_DAY"],
    ["csv/line 11/quantity", "INVALID_QUANTITY"],
    ["csv/line 12", "BAD_ENCODING"],
    ["csv/line 13", "BAD_ENCODING"],
    ["csv/line 14", "BAD_ENCODING"],
    ["csv/line 15", "DUPLICATE_ROW"],
    ["csv/line 16/quantity", "INVALID_QUANTITY"],
    ["csv/line 17", "MALFORMED_CSV"],
    ["csv/line 18/period_end", "PERIOD_NOT_OVER"],
  ]);
  expect(errors[0].message).toMatch(/^Line 3: /);
  expect(errors.find((e) => e.code === "DUPLICATE_ROW")!.message).toContain("line 2");
  expect(JSON.stringify(errors)).not.toContain(org.id);
  expect(await count()).toBe(before);
});

test("a wrong header, an empty file and a row already recorded are refused", async () => {
  const org = await makeOrganisation(app.db);
  const codes = async (csv: string) => (await app.ok(IMPORT, { input: { csv } }, ADMIN)).importMeasurements.userErrors.map((e: Problem) => e.code);
  expect(await codes("organisation,metric,from,to,quantity\nx,y,z,w,1")).toEqual(["WRONG_HEADER"]);
  expect(await codes("")).toEqual(["EMPTY_FILE"]);
  expect(await codes(`${HEADER}\n`)).toEqual(["EMPTY_FILE"]);
  const row = `${gid(org.id)},APPRENTICESHIPS,2023-01-01,2023-12-31,2`;
  expect(await codes(`organisation_id,metric_code,period_start,period_end,quantity\n${row}`)).toEqual([]);
  expect(await codes(`organisation_id,metric_code,period_start,period_end,quantity\n${row}`)).toEqual(["ALREADY_RECORDED"]);
});

test("editors import for their own organisations only; another's rows read as unknown; viewers and keys are refused", async () => {
  const own = await makeOrganisation(app.db);
  const other = await makeOrganisation(app.db);
  const editor = viewerWith({ memberships: [[own.id, OrganisationRole.EDITOR]] });
  const row = (id: string) => `${gid(id)},TRAINING_WEEKS,2023-01-01,2023-06-30,4`;
  const csv = (ids: string[]) => [HEADER.replace(",evidence", ""), ...ids.map(row)].join("\n");
  const mixed = (await app.ok(IMPORT, { input: { csv: csv([own.id, other.id]) } }, editor)).importMeasurements;
  expect(mixed.userErrors.map((e: Problem) => [e.field.join("/"), e.code])).toEqual([["csv/line 3/organisation_id", "UNKNOWN_ORGANISATION"]]);
  expect((await app.ok(IMPORT, { input: { csv: csv([own.id]) } }, editor)).importMeasurements.imported).toEqual({ rows: 1, organisations: 1 });
  const viewer = viewerWith({ memberships: [[own.id, OrganisationRole.VIEWER]] });
  expect((await app.ok(IMPORT, { input: { csv: csv([own.id]) } }, viewer)).importMeasurements.userErrors[0].code).toBe("NOT_ALLOWED");
  expect((await app.ok(IMPORT, { input: { csv: csv([own.id]) } }, viewerWith({ roles: [Role.ANALYST] }))).importMeasurements.userErrors[0].code).toBe("NOT_ALLOWED");
});

test("more than the problems listed are counted in one last entry", async () => {
  const lines = [HEADER, ...Array.from({ length: 1500 }, () => "x,NOPE,2023-01-01,2023-01-31,1,")];
  const errors: Problem[] = (await app.ok(IMPORT, { input: { csv: lines.join("\n") } }, ADMIN)).importMeasurements.userErrors;
  expect(errors).toHaveLength(1001);
  expect(errors[1000]).toMatchObject({ code: "TOO_MANY_PROBLEMS", field: ["csv"] });
});

describe("100,000 rows over HTTP", () => {
  let token: string;
  let orgs: string[];
  const file = (n: number, bad?: number) => {
    const lines = [HEADER];
    for (let i = 0; i < n; i++) {
      const org = orgs[i % orgs.length];
      const k = Math.floor(i / orgs.length); // distinct periods per organisation
      const start = new Date(Date.UTC(2020, 0, 1) + (k % 1000) * 86_400_000).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(2020, 0, 31) + (k % 1000) * 86_400_000).toISOString().slice(0, 10);
      const code = k < 1000 ? "VOLUNTEER_HOURS" : "MEALS_PROVIDED";
      lines.push(`${org},${code},${start},${end},${i === bad ? "-1" : (i % 500) + 0.5},"rota ${i}"`);
    }
    return lines.join("\r\n");
  };

  beforeAll(async () => {
    token = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
    orgs = [];
    for (let i = 0; i < 50; i++) orgs.push(gid((await makeOrganisation(app.db)).id));
  });

  test("a file with one bad row among 100,000 records nothing and names the line", async () => {
    const before = await count();
    const r = await app.post(IMPORT, { input: { csv: file(100_000, 76_543) } }, token);
    expect(r.status).toBe(200);
    expect(r.json.data.importMeasurements.userErrors.map((e: Problem) => [e.field.join("/"), e.code])).toEqual([["csv/line 76545/quantity", "NEGATIVE_QUANTITY"]]);
    expect(await count()).toBe(before);
  }, 120_000);

  test("100,000 good rows are recorded in bounded time", async () => {
    const before = await count();
    const started = Date.now();
    const r = await app.post(IMPORT, { input: { csv: file(100_000) } }, token);
    const ms = Date.now() - started;
    expect(r.json.data.importMeasurements).toEqual({ imported: { rows: 100_000, organisations: 50 }, userErrors: [] });
    expect(await count()).toBe(before + 100_000);
    expect(ms).toBeLessThan(60_000);
  }, 120_000);

  test("more than 100,000 rows are refused as a whole", async () => {
    const r = await app.post(IMPORT, { input: { csv: file(100_001) } }, token);
    expect(r.json.data.importMeasurements.userErrors).toEqual([expect.objectContaining({ code: "FILE_TOO_LARGE", field: ["csv"] })]);
  }, 120_000);

  test("only a signed-in call of the import may send a body larger than the usual limit", async () => {
    const big = file(5_000);
    expect(big.length).toBeGreaterThan(256 * 1024);
    expect((await app.post(IMPORT, { input: { csv: big } })).status).toBe(413);
    const other = `mutation($input: ImportMeasurementsInput!) { importMeasurements(input: $input) { imported { rows } } } query Q { __typename }`;
    expect((await app.post(other, { input: { csv: big } }, token)).status).toBe(413);
    const padded = `mutation($p: String) { signOut { userErrors { code } } }`;
    expect((await app.post(padded, { p: big }, token)).status).toBe(413);
  });
});
