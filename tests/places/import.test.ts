// Loading places from CSV: all or nothing, every bad row reported on its line, codes already loaded updated in place,
// and an organisation in an imported ward counted in its borough and region (directory filter, regionSummary).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startTestApp, TestApp } from "../support/test-app";
import { makeOrganisation, placeId, SYSTEM_ADMIN, viewerWith } from "../support/organisation-factories";
import { databaseNameOf, withDatabase } from "../support/test-db";
import { raceTest } from "../support/races";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, PlacesImportService } from "../../src/modules/places/places-import.service";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const ROOT = join(__dirname, "..", "..");
const FIXTURE = readFileSync(join(ROOT, "tests/fixtures/places/wards.csv"));
const IMPORT = `mutation($csv: String!) { importPlaces(input: { csv: $csv }) {
  created { code name kind demo parent { code } } updated { code name parent { code } } unchangedCount userErrors { field code message } } }`;
const ADMIN = viewerWith({ roles: [Role.ADMIN] });

type Payload = {
  created: { code: string; name: string; kind: string; demo: boolean; parent: { code: string } | null }[];
  updated: { code: string; name: string; parent: { code: string } | null }[];
  unchangedCount: number;
  userErrors: { field: string[]; code: string; message: string }[];
};
const importPlaces = async (csv: string, as = ADMIN) => (await app.ok<{ importPlaces: Payload }>(IMPORT, { csv }, as)).importPlaces;
const placeRows = async () => app.db.query("SELECT code, name, kind, parent_id, demo FROM place ORDER BY code");
/** (row, column, code) of each error, for compact expectations. */
const problems = (p: Payload) => p.userErrors.map((e) => [e.field.slice(1).join(" "), e.code]);

describe("in order (the fixture is loaded by the first test)", () => {
  test("ADMIN loads the fixture: every place with its kind and parent, a parent later in the file included", async () => {
    const p = await importPlaces(FIXTURE.toString("utf8"));
    expect(p.userErrors).toEqual([]);
    expect(p.created).toEqual([
      { code: "E05990101", name: "Fixture Ward North", kind: "WARD", demo: false, parent: { code: "E08000012" } },
      { code: "E02990101", name: "Fixture Neighbourhood Dockside", kind: "NEIGHBOURHOOD", demo: false, parent: { code: "E05990102" } },
      { code: "E05990102", name: "Fixture Ward South, and Docks", kind: "WARD", demo: false, parent: { code: "E08000012" } },
      { code: "E05990103", name: "Fixture Ward Sefton Park", kind: "WARD", demo: false, parent: { code: "E08000014" } },
      { code: "E02990102", name: "Fixture Neighbourhood Seaside", kind: "NEIGHBOURHOOD", demo: false, parent: { code: "E08000014" } },
    ]);
    expect(p).toMatchObject({ updated: [], unchangedCount: 0 });
    const [audit] = await app.db.query("SELECT entity_type, changes FROM audit_event WHERE action = 'places.import'");
    expect(audit.entity_type).toBe("PlaceImport");
    expect(audit.changes.created.after).toHaveLength(5);
  });

  test("loading the same file again changes nothing; a corrected row updates the place's name and parent, never its kind", async () => {
    const before = await placeRows();
    expect(await importPlaces(FIXTURE.toString("utf8"))).toEqual({ created: [], updated: [], unchangedCount: 5, userErrors: [] });
    expect(await placeRows()).toEqual(before);

    const fixed = "code,name,kind,parent\nE05990101,Fixture Ward North East,WARD,E08000012\nE02990102,Fixture Neighbourhood Seaside,NEIGHBOURHOOD,E05990103\nE05990103,Fixture Ward Sefton Park,WARD,E08000014\n";
    const p = await importPlaces(fixed);
    expect(p.userErrors).toEqual([]);
    expect(p).toMatchObject({
      created: [], unchangedCount: 1,
      updated: [{ code: "E05990101", name: "Fixture Ward North East", parent: { code: "E08000012" } },
        { code: "E02990102", name: "Fixture Neighbourhood Seaside", parent: { code: "E05990103" } }],
    });
    const kind = await importPlaces("code,name,kind,parent\nE05990101,Fixture Ward North East,NEIGHBOURHOOD,E05990102\n");
    expect(problems(kind)).toEqual([["row 2 kind", "KIND_CHANGED"]]);
  });

  test("an organisation registered in an imported ward counts in its borough and region: directory filter and regionSummary", async () => {
    const ward = await placeId(app.db, "E05990102");
    const neighbourhood = await placeId(app.db, "E02990101");
    const [inWard, inNeighbourhood] = [await makeOrganisation(app.db, { name: "Ward Bakery CIC" }), await makeOrganisation(app.db, { name: "Dockside Repair Co-op" })];
    await makeOrganisation(app.db, { name: "Wirral Elsewhere CIC", placeCode: "E08000015" });
    // Registered through the API, as a person would place it.
    for (const [org, place] of [[inWard, ward], [inNeighbourhood, neighbourhood]] as const) {
      const set = await app.ok(`mutation($id: ID!, $place: ID!, $v: Int!) { updateOrganisation(input: { id: $id, expectedVersion: $v, registeredPlaceId: $place }) { userErrors { code } } }`,
        { id: toGlobalId("Organisation", org.id), place: toGlobalId("Place", place), v: org.version }, ADMIN);
      expect(set.updateOrganisation.userErrors).toEqual([]);
    }
    const liverpool = toGlobalId("Place", await placeId(app.db, "E08000012"));
    const region = toGlobalId("Place", await placeId(app.db, "E47000004"));
    const wardId = toGlobalId("Place", ward);
    const directory = async (placeIds: string[]) => (await app.ok(
      `query($p: [ID!]) { organisations(first: 50, filter: { placeIds: $p }) { nodes { name } } }`, { p: placeIds }, ADMIN,
    )).organisations.nodes.map((n: { name: string }) => n.name).sort();
    expect(await directory([liverpool])).toEqual(["Dockside Repair Co-op", "Ward Bakery CIC"]);
    expect(await directory([region])).toEqual(["Dockside Repair Co-op", "Ward Bakery CIC", "Wirral Elsewhere CIC"]);
    expect(await directory([wardId])).toEqual(["Dockside Repair Co-op", "Ward Bakery CIC"]);
    const registered = async (place: string) => (await app.ok(
      `query($p: ID!) { regionSummary(placeId: $p, from: "2024-01-01", to: "2024-12-31") { organisations { registered } } }`, { p: place }, ADMIN,
    )).regionSummary.organisations.registered;
    expect(await registered(liverpool)).toBe(2);
    expect(await registered(wardId)).toBe(2);
    expect(await registered(region)).toBe(3);
  });
});

test("only ADMIN loads places; anyone else is refused the same way and nothing is written", async () => {
  const before = await placeRows();
  const csv = "code,name,kind,parent\nE05990201,Refused Ward,WARD,E08000012\n";
  for (const as of [viewerWith(), viewerWith({ userId: "00000000-0000-4000-8000-000000000001", roles: [Role.ANALYST] })]) {
    const p = await importPlaces(csv, as);
    expect(p.userErrors).toEqual([{ field: null, code: "NOT_ALLOWED", message: "Only ADMIN loads places." }]);
  }
  expect(await placeRows()).toEqual(before);
});

test("one bad row of any kind imports nothing, and every bad row is reported with its line", async () => {
  const before = await placeRows();
  const csv = [
    "code,name,kind,parent", //                                     1
    "E05990301,Good Ward One,WARD,E08000012", //                     2  good
    "E05990302,Missing Kind,,E08000012", //                          3  kind blank
    "E05990303,Unknown Kind,PARISH,E08000012", //                    4
    "E0599030,Short Code,WARD,E08000012", //                         5  bad GSS code
    "e05990305,Lower Code,WARD,E08000012", //                        6  bad GSS code
    "E05990306,Unknown Parent,WARD,E05999999", //                    7
    "E05990301,Duplicate Of Row Two,WARD,E08000012", //              8
    "E05990309,Cycle A,LOCAL_AUTHORITY,E05990310", //                9  cycle (and no ward may parent a borough)
    "E05990310,Cycle B,LOCAL_AUTHORITY,E05990309", //               10
    "E05990311,Ward In Region,WARD,E47000004", //                   11  wrong level
    "E05990312,Orphan Ward,WARD,", //                               12  a ward needs a parent
    "E05990313,Too,Many,Fields,WARD", //                            13
    "E05990314,Too Few", //                                         14
    ",No Code,WARD,E08000012", //                                   15
    "E05990316,,WARD,E08000012", //                                 16
    'E05990317,"Unclosed,WARD,E08000012', //                        17  swallows the rest of the file
    "E05990318,Never Read,WARD,E08000012",
  ].join("\n");
  const p = await importPlaces(csv);
  expect(p.created).toEqual([]);
  expect(problems(p)).toEqual([
    ["row 3 kind", "UNKNOWN_KIND"],
    ["row 4 kind", "UNKNOWN_KIND"],
    ["row 5 code", "INVALID_GSS_CODE"],
    ["row 6 code", "INVALID_GSS_CODE"],
    ["row 7 parent", "UNKNOWN_PARENT"],
    ["row 8 code", "DUPLICATE_CODE"],
    ["row 9 parent", "PARENT_CYCLE"],
    ["row 10 parent", "PARENT_CYCLE"],
    ["row 11 parent", "WRONG_PARENT_LEVEL"],
    ["row 12 parent", "PARENT_REQUIRED"],
    ["row 13", "CSV_FIELD_COUNT"],
    ["row 14", "CSV_FIELD_COUNT"],
    ["row 15 code", "REQUIRED"],
    ["row 16 name", "REQUIRED"],
    ["row 17", "CSV_MALFORMED"],
  ]);
  expect(p.userErrors.find((e) => e.field[1] === "row 8")!.message).toBe("Row 8: The file has this code already, on row 2.");
  // Messages never repeat what the file holds.
  for (const e of p.userErrors) expect(e.message).not.toMatch(/PARISH|E0599030|E05999999|Cycle|Unclosed/);
  expect(await placeRows()).toEqual(before);
});

test("a header without a required column, or with one the import does not read, reads no row", async () => {
  expect(problems(await importPlaces("code,name,parent\nE05990401,A Ward,E08000012\n"))).toEqual([["row 1 kind", "CSV_BAD_HEADER"]]);
  expect(problems(await importPlaces("code,name,kind,parent,population\nE05990401,A Ward,WARD,E08000012,1\n"))).toEqual([["row 1", "CSV_BAD_HEADER"]]);
  expect(problems(await importPlaces(""))).toEqual([["row 1", "CSV_NO_HEADER"]]);
});

test("bytes that are not UTF-8 and NUL characters are reported on their lines (the command reads bytes)", async () => {
  const before = await placeRows();
  const file = Buffer.concat([
    Buffer.from("code,name,kind,parent\nE05990501,Good Ward,WARD,E08000012\nE05990502,Latin-1 Caf"),
    Buffer.from([0xe9]), // "é" in Latin-1, not UTF-8
    Buffer.from(" Ward,WARD,E08000012\nE05990503,Nul\u0000 Ward,WARD,E08000012\nE05990504,Caf\u00e9 Ward,WARD,E08000012\n"),
  ]);
  const r = await new PlacesImportService(app.db).importCsv({ viewer: SYSTEM_ADMIN, requestId: "test" }, file);
  expect("errors" in r && r.errors.map((e) => [e.field!.join(" "), e.code])).toEqual([
    ["csv row 3", "CSV_NOT_UTF8"],
    ["csv row 4", "CSV_NUL_CHARACTER"],
  ]);
  expect(await placeRows()).toEqual(before);
  // Over the API a NUL never reaches the parser: the edge refuses any argument holding one.
  const nul = await app.run(IMPORT, { csv: "code,name,kind,parent\nE05990503,Nul\u0000,WARD,E08000012\n" }, ADMIN);
  expect(nul.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test(`a file is at most ${MAX_IMPORT_ROWS} rows and ${MAX_IMPORT_BYTES} bytes, refused whole beyond either`, async () => {
  const before = await placeRows();
  const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `E1${6000000 + i},W${i},WARD,E08000012`);
  const tooMany = await importPlaces(["code,name,kind,parent", ...rows].join("\n"));
  expect(problems(tooMany)).toEqual([[`row ${MAX_IMPORT_ROWS + 2}`, "CSV_TOO_MANY_ROWS"]]);
  // Within the character bound at the edge but over the byte limit: two bytes per "é".
  const tooBig = await importPlaces(`code,name,kind,parent\nE05990601,${"é".repeat(MAX_IMPORT_BYTES / 2)},WARD,E08000012\n`);
  expect(tooBig.userErrors.map((e) => [e.field, e.code])).toEqual([[["csv"], "CSV_TOO_LARGE"]]);
  expect(await placeRows()).toEqual(before);
  // The cap itself loads, in one go.
  const atCap = await importPlaces(["code,name,kind,parent", ...rows.slice(0, MAX_IMPORT_ROWS)].join("\n"));
  expect([atCap.userErrors, atCap.created.length]).toEqual([[], MAX_IMPORT_ROWS]);
});

raceTest("50 imports of overlapping files at once: each place is created once, and every import succeeds whole", async () => {
  const file = (i: number) => `code,name,kind,parent\nE05990801,Race Ward,WARD,E08000011\nE02990${800 + i},Race Neighbourhood ${i},NEIGHBOURHOOD,E05990801\n`;
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => importPlaces(file(i))));
  expect(results.flatMap((r) => r.userErrors)).toEqual([]);
  expect(results.filter((r) => r.created.some((p) => p.code === "E05990801"))).toHaveLength(1);
  expect(results.filter((r) => r.unchangedCount === 1)).toHaveLength(49);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM place WHERE code LIKE 'E02990%' AND parent_id = (SELECT id FROM place WHERE code = 'E05990801')");
  expect(n).toBe(50);
});

const onPostgres = process.env.DATABASE_URL ? test : test.skip;
// The command compiles the whole app in a child process (slow on a busy machine), so it runs once: a refused file.
// What it loads when the file is good is the service's doing, tested above.
onPostgres("npm run places:import reads a file against DATABASE_URL, prints every bad row with its line, and exits 1 having written nothing", async () => {
  const env = { ...process.env, DATABASE_URL: withDatabase(process.env.DATABASE_URL!, databaseNameOf(app.db)), LOG_LEVEL: "error" };
  const failed = await promisify(execFile)(process.execPath,
    ["-r", "ts-node/register/transpile-only", "src/modules/places/import-cli.ts", "tests/fixtures/places/bad-rows.csv"], { cwd: ROOT, env },
  ).then(() => null, (e: { code: number; stderr: string }) => e);
  expect(failed?.code).toBe(1);
  expect(failed?.stderr.split("\n").filter(Boolean)).toEqual([
    "Nothing imported: 2 problems.",
    "Row 3: The kind is one of COMBINED_AUTHORITY, LOCAL_AUTHORITY, WARD, NEIGHBOURHOOD. [UNKNOWN_KIND]",
    "Row 4: No place has the parent's code, in this file or already loaded. [UNKNOWN_PARENT]",
  ]);
  expect(await app.db.query("SELECT code FROM place WHERE code = 'E05990701'")).toEqual([]);
}, 120_000);
