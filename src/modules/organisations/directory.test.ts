// The directory: search, filters and orderings return the right organisations in the right order across pages.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { LIVERPOOL, makeOrganisation, placeId, SEFTON, SYSTEM_ADMIN, WIRRAL } from "../../../tests/support/organisation-factories";
import { toGlobalId } from "../../graphql/ids";
import { Cause, LegalForm, LifecycleStage } from "./organisation.enums";

const DIRECTORY = `query($first: Int, $after: String, $last: Int, $before: String, $filter: OrganisationFilter, $orderBy: OrganisationOrder) {
  organisations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    edges { cursor node { id name legalForm stoStatus registeredPlace { code } placesServed { code } identifiers } }
  }
}`;

let app: TestApp;
let liverpool: string;

beforeAll(async () => {
  app = await startTestApp();
  liverpool = toGlobalId("Place", await placeId(app.db, LIVERPOOL));
  const [ward] = await app.db.query(
    "INSERT INTO place (kind, code, name, parent_id) SELECT 'WARD', 'E05000000', 'Princes Park', id FROM place WHERE code = $1 RETURNING id", [LIVERPOOL]);
  const wardInLiverpool = toGlobalId("Place", ward.id);
  await makeOrganisation(app.db, { name: "Toxteth Community Bakery CIC", description: "Sourdough and training for bakers", placeCode: LIVERPOOL, causes: [Cause.FOOD] });
  await makeOrganisation(app.db, { name: "Birkenhead Bread Co-operative", description: "A bakery owned by its workers", legalForm: LegalForm.CO_OPERATIVE_SOCIETY, placeCode: WIRRAL, servedCodes: [LIVERPOOL], causes: [Cause.FOOD] });
  await makeOrganisation(app.db, { name: "Bootle Bike Kitchen", description: "Refurbished bikes", placeCode: SEFTON, causes: [Cause.TRANSPORT], lifecycleStage: LifecycleStage.GROWING });
  await makeOrganisation(app.db, { name: "Anfield Arts Studio", description: "Studios for local artists", placeCode: LIVERPOOL, causes: [Cause.ARTS_AND_CULTURE] });
  await makeOrganisation(app.db, { name: "Princes Park Pantry", legalForm: LegalForm.CIO, lifecycleStage: LifecycleStage.IDEA });
  await app.ok(`mutation($id: ID!, $place: ID!) { updateOrganisation(input: { id: $id, expectedVersion: 1, registeredPlaceId: $place }) { userErrors { code } } }`,
    { id: toGlobalId("Organisation", (await app.db.query("SELECT id FROM organisation WHERE name = 'Princes Park Pantry'"))[0].id), place: wardInLiverpool },
    SYSTEM_ADMIN);
});
afterAll(async () => { await app.close(); });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const names = (r: any): string[] => r.organisations.edges.map((e: { node: { name: string } }) => e.node.name);

test("search finds words in the name or description, best match first", async () => {
  const r = await app.ok(DIRECTORY, { filter: { search: "bakery" } });
  expect(names(r)).toEqual(["Toxteth Community Bakery CIC", "Birkenhead Bread Co-operative"]);
});

test("search tolerates a typo in a name", async () => {
  const r = await app.ok(DIRECTORY, { filter: { search: "bakrey" } });
  expect(names(r)).toContain("Toxteth Community Bakery CIC");
});

test("a borough matches organisations registered in it, serving it, or registered in a ward inside it", async () => {
  const r = await app.ok(DIRECTORY, { filter: { placeIds: [liverpool] }, orderBy: { field: "NAME", direction: "ASC" } });
  expect(names(r)).toEqual(["Anfield Arts Studio", "Birkenhead Bread Co-operative", "Princes Park Pantry", "Toxteth Community Bakery CIC"]);
});

test("a place filter says what it matches: registered in the borough (or a ward in it), serving it, or either", async () => {
  const match = async (placeMatch: string) => names(await app.ok(DIRECTORY, { filter: { placeIds: [liverpool], placeMatch }, orderBy: { field: "NAME", direction: "ASC" } }));
  expect(await match("REGISTERED_IN")).toEqual(["Anfield Arts Studio", "Princes Park Pantry", "Toxteth Community Bakery CIC"]);
  expect(await match("SERVING")).toEqual(["Birkenhead Bread Co-operative"]);
  expect(await match("EITHER")).toEqual(["Anfield Arts Studio", "Birkenhead Bread Co-operative", "Princes Park Pantry", "Toxteth Community Bakery CIC"]);
});

test("the contract's directory filter (search in a borough) returns the bakery", async () => {
  const r = await app.ok(DIRECTORY, { filter: { search: "bakery", placeIds: [liverpool] }, orderBy: { field: "NAME", direction: "ASC" } });
  expect(names(r)).toEqual(["Birkenhead Bread Co-operative", "Toxteth Community Bakery CIC"]);
});

test("filters combine: legal form, cause, lifecycle stage", async () => {
  expect(names(await app.ok(DIRECTORY, { filter: { legalForms: ["CO_OPERATIVE_SOCIETY"] } }))).toEqual(["Birkenhead Bread Co-operative"]);
  expect(names(await app.ok(DIRECTORY, { filter: { causes: ["FOOD"], placeIds: [liverpool] }, orderBy: { field: "NAME", direction: "DESC" } })))
    .toEqual(["Toxteth Community Bakery CIC", "Birkenhead Bread Co-operative"]);
  expect(names(await app.ok(DIRECTORY, { filter: { lifecycleStages: ["GROWING"] } }))).toEqual(["Bootle Bike Kitchen"]);
  expect(names(await app.ok(DIRECTORY, { filter: { stoStatuses: ["ELIGIBLE"] } }))).toEqual([]);
});

test("filters that match nothing, and searches of symbols, give an empty page, not an error", async () => {
  for (const filter of [{ search: "zzzzqqqq" }, { search: "%_\\*&^" }, { search: "!!!" }, { legalForms: ["SOLE_TRADER"] }]) {
    const r = await app.run(DIRECTORY, { filter });
    expect(r.errors).toBeUndefined();
    expect(r.data!.organisations).toMatchObject({ totalCount: 0, edges: [] });
  }
});

test("a 10,000-character search is refused with a clear error and no 500", async () => {
  const res = await app.http("/graphql", { body: { query: DIRECTORY, variables: { filter: { search: "a".repeat(10000) } } } });
  expect(res.status).toBeLessThan(500);
  expect(res.json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  expect(res.text).not.toContain("a".repeat(300));
});

test("paging by name walks every organisation once, forwards and backwards", async () => {
  const expected = (await app.db.query("SELECT name FROM organisation WHERE archived_at IS NULL ORDER BY lower(name), id"))
    .map((r: { name: string }) => r.name);
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: any = await app.ok(DIRECTORY, { first: 2, after, orderBy: { field: "NAME", direction: "ASC" } }); // eslint-disable-line @typescript-eslint/no-explicit-any
    seen.push(...names(r));
    expect(r.organisations.totalCount).toBe(expected.length);
    if (!r.organisations.pageInfo.hasNextPage) break;
    after = r.organisations.pageInfo.endCursor;
  }
  expect(seen).toEqual(expected);
  expect(seen.length).toBeGreaterThanOrEqual(5);
  const back = await app.ok(DIRECTORY, { last: 2, orderBy: { field: "NAME", direction: "ASC" } });
  expect(names(back)).toEqual(expected.slice(-2));
  const before = await app.ok(DIRECTORY, { last: 2, before: back.organisations.pageInfo.startCursor, orderBy: { field: "NAME", direction: "ASC" } });
  expect(names(before)).toEqual(expected.slice(-4, -2));
});

test("a cursor keeps its place when organisations are added before it, and other orderings refuse it", async () => {
  const first = await app.ok(DIRECTORY, { first: 2, orderBy: { field: "CREATED_AT", direction: "ASC" } });
  const next = await app.ok(DIRECTORY, { first: 2, after: first.organisations.pageInfo.endCursor, orderBy: { field: "CREATED_AT", direction: "ASC" } });
  const wrong = await app.run(DIRECTORY, { first: 2, after: first.organisations.pageInfo.endCursor, orderBy: { field: "NAME", direction: "ASC" } });
  expect(wrong.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  expect(wrong.errors![0].message).toMatch(/different orderBy/);
  await makeOrganisation(app.db, { name: "Aaa Newcomer" });
  const again = await app.ok(DIRECTORY, { first: 2, after: first.organisations.pageInfo.endCursor, orderBy: { field: "CREATED_AT", direction: "ASC" } });
  expect(names(again)).toEqual(names(next));
});

test("archived organisations leave the directory unless asked for", async () => {
  const gone = await makeOrganisation(app.db, { name: "Seacombe Archived Sailing Club" });
  await app.db.query("UPDATE organisation SET archived_at = now() WHERE id = $1", [gone.id]);
  expect(names(await app.ok(DIRECTORY, { filter: { search: "Archived Sailing" } }))).toEqual([]);
  expect(names(await app.ok(DIRECTORY, { filter: { search: "Archived Sailing", includeArchived: true } }))).toEqual(["Seacombe Archived Sailing Club"]);
});

test("the directory's SQL count is the same for first: 2 and first: 5 (relations are batched)", async () => {
  const small = await app.run(DIRECTORY, { first: 2, filter: { placeIds: [liverpool] } });
  const large = await app.run(DIRECTORY, { first: 5, filter: { placeIds: [liverpool] } });
  expect(small.errors).toBeUndefined();
  expect(large.data!.organisations.edges.length).toBeGreaterThan(small.data!.organisations.edges.length);
  expect(large.sql).toBe(small.sql);
});

test("an empty list in a filter matches nothing; a list left out filters nothing", async () => {
  const all = (await app.ok(DIRECTORY, { first: 50 })).organisations.totalCount;
  expect(all).toBeGreaterThan(0);
  for (const filter of [{ legalForms: [] }, { placeIds: [] }, { causes: [] }, { stoStatuses: [] }, { lifecycleStages: [] }, { clusterIds: [] }]) {
    expect((await app.ok(DIRECTORY, { first: 50, filter })).organisations.totalCount).toBe(0);
  }
  expect((await app.ok(DIRECTORY, { first: 50, filter: { legalForms: null, causes: null } })).organisations.totalCount).toBe(all);
});

test("an organisation is found by its identifier, and a search for an org-id returns its holder first", async () => {
  const holder = await makeOrganisation(app.db, { name: "Speke Growers Co-operative", identifiers: ["GB-COH-07654321"] });
  const byFilter = await app.ok(DIRECTORY, { filter: { identifier: " gb-coh-07654321 " } });
  expect(names(byFilter)).toEqual(["Speke Growers Co-operative"]);
  expect(names(await app.ok(DIRECTORY, { filter: { identifier: "GB-COH-00000001" } }))).toEqual([]);
  const searched = await app.ok(DIRECTORY, { filter: { search: "GB-COH-07654321" } });
  expect(searched.organisations.edges[0].node.id).toBe(toGlobalId("Organisation", holder.id));
  const bad = await app.run(DIRECTORY, { filter: { identifier: "not an id" } });
  expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("updatedSince lists only organisations changed at or after the time", async () => {
  const before = new Date();
  await new Promise((r) => setTimeout(r, 20));
  await makeOrganisation(app.db, { name: "Garston Tool Library" });
  expect(names(await app.ok(DIRECTORY, { first: 50, filter: { updatedSince: before.toISOString() } }))).toEqual(["Garston Tool Library"]);
});
