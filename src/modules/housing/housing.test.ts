// Community-led housing on PostgreSQL: every allowed and refused stage move, homes never completed above planned,
// partnership terms (and who may read them), the schemes list's filters, and homes delivered per place and year.
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { actorOf, asAdmin, codes, makeAsset, ok, on, organisationWithOwner } from "../../../tests/support/asset-factories";
import { housingRowCounts, makeScheme } from "../../../tests/support/housing-factories";
import { makeOrganisation, placeId, viewerWith } from "../../../tests/support/organisation-factories";
import { insertPlaces } from "../../../tests/support/places";
import { makeUser, TEST_PASSWORD } from "../../../tests/support/factories";
import { toGlobalId } from "../../graphql/ids";
import { ApiScope, Role } from "../../auth/roles";
import { HomeTenure, HomesRoute, HousingSchemeStage } from "./housing.enums";
import { HousingService } from "./housing.service";
import { SCHEME_MOVES } from "./scheme.transitions";
import { housingApi } from "./housing.api";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const housing = (day = "2026-12-01") => new HousingService(app.db, on(day));
const STAGES = Object.values(HousingSchemeStage);
const { AFFORDABLE_RENT, SOCIAL_RENT, SHARED_OWNERSHIP } = HomeTenure;
const { EMPTY_HOMES, NEW_BUILD } = HomesRoute;

describe("stage moves", () => {
  test("from every stage, exactly the next one is allowed; every other move is WRONG_STATUS and writes nothing", async () => {
    const allowed: string[] = [];
    for (const from of STAGES) {
      for (const to of STAGES) {
        const scheme = await makeScheme(app.db, { stage: from });
        const before = await housingRowCounts(app.db);
        // Reaching COMPLETED needs every planned home done: the factory's are done when it reaches COMPLETED, not before.
        if (to === HousingSchemeStage.COMPLETED && from === HousingSchemeStage.ON_SITE) {
          ok(await housing().recordCompletions(asAdmin, scheme.id, { expectedVersion: scheme.version, completedOn: "2024-06-01", homes: [{ tenure: AFFORDABLE_RENT, route: EMPTY_HOMES, homes: 4 }] }));
        }
        const current = await app.db.getRepository("HousingScheme").findOneByOrFail({ id: scheme.id }) as { version: number };
        const r = await housing().move(asAdmin, scheme.id, { expectedVersion: current.version, stage: to, on: "2025-01-01" });
        if (SCHEME_MOVES[from].includes(to)) {
          expect({ from, to, stage: ok(r).scheme.stage }).toEqual({ from, to, stage: to });
          allowed.push(`${from}->${to}`);
        } else {
          expect({ from, to, codes: codes(r) }).toEqual({ from, to, codes: ["WRONG_STATUS"] });
          expect(await housingRowCounts(app.db)).toEqual(before);
        }
      }
    }
    expect(allowed).toEqual(["GROUP_FORMING->SITE_IDENTIFIED", "SITE_IDENTIFIED->OPTION_AGREED", "OPTION_AGREED->PLANNING", "PLANNING->ON_SITE", "ON_SITE->COMPLETED", "COMPLETED->LET"]);
  });

  test("a site before SITE_IDENTIFIED, homes before ON_SITE, every home before COMPLETED", async () => {
    const lead = await makeOrganisation(app.db);
    let { scheme } = ok(await housing().start(asAdmin, { name: "No site yet", leadOrganisationId: lead.id, placeId: await placeId(app.db, "E08000013"), startedOn: "2025-01-01" }));
    expect(codes(await housing().move(asAdmin, scheme.id, { expectedVersion: scheme.version, stage: HousingSchemeStage.SITE_IDENTIFIED }))).toEqual(["SITE_REQUIRED"]);
    scheme = ok(await housing().update(asAdmin, scheme.id, { expectedVersion: scheme.version, siteAssetId: (await makeAsset(app.db)).id })).scheme;
    for (const stage of [HousingSchemeStage.SITE_IDENTIFIED, HousingSchemeStage.OPTION_AGREED, HousingSchemeStage.PLANNING]) {
      scheme = ok(await housing().move(asAdmin, scheme.id, { expectedVersion: scheme.version, stage, on: "2025-02-01" })).scheme;
    }
    expect(codes(await housing().move(asAdmin, scheme.id, { expectedVersion: scheme.version, stage: HousingSchemeStage.ON_SITE }))).toEqual(["HOMES_REQUIRED"]);
    const onSite = await makeScheme(app.db, { stage: HousingSchemeStage.ON_SITE });
    const r = await housing().move(asAdmin, onSite.id, { expectedVersion: onSite.version, stage: HousingSchemeStage.COMPLETED });
    expect("errors" in r && r.errors[0]).toMatchObject({ code: "HOMES_NOT_COMPLETED", message: "0 of 4 planned homes are complete: record the rest, or plan fewer, first." });
    expect(codes(await housing().move(asAdmin, onSite.id, { expectedVersion: onSite.version, stage: HousingSchemeStage.SITE_IDENTIFIED }))).toEqual(["WRONG_STATUS"]);
  });

  test("the stage history keeps each day and who moved it; each move is a scheme.stageChanged event", async () => {
    const scheme = await makeScheme(app.db, { stage: HousingSchemeStage.OPTION_AGREED, startedOn: "2025-03-03" });
    const data = await app.ok(`query($id: ID!) { node(id: $id) { ... on HousingScheme { startedOn stageHistory { stage movedOn } } } }`, { id: toGlobalId("HousingScheme", scheme.id) });
    expect(data.node).toEqual({ startedOn: "2025-03-03", stageHistory: [
      { stage: "GROUP_FORMING", movedOn: "2025-03-03" }, { stage: "SITE_IDENTIFIED", movedOn: "2025-03-10" }, { stage: "OPTION_AGREED", movedOn: "2025-03-17" }] });
    const events = await app.db.query("SELECT data FROM domain_event WHERE type = 'scheme.stageChanged' AND subject_id = $1 ORDER BY id", [scheme.id]);
    expect(events.map((e: { data: { from: string | null; to: string } }) => [e.data.from, e.data.to]))
      .toEqual([[null, "GROUP_FORMING"], ["GROUP_FORMING", "SITE_IDENTIFIED"], ["SITE_IDENTIFIED", "OPTION_AGREED"]]);
  });
});

describe("homes planned and completed", () => {
  test("homes completed above homes planned are refused and nothing is written", async () => {
    const scheme = await makeScheme(app.db, { stage: HousingSchemeStage.ON_SITE, homes: [{ tenure: SOCIAL_RENT, route: NEW_BUILD, planned: 3 }, { tenure: SHARED_OWNERSHIP, route: NEW_BUILD, planned: 2 }] });
    const complete = (homes: { tenure: HomeTenure; route: HomesRoute; homes: number }[], version: number) =>
      housing().recordCompletions(asAdmin, scheme.id, { expectedVersion: version, completedOn: "2024-12-31", homes });
    const before = await housingRowCounts(app.db);
    expect(codes(await complete([{ tenure: SOCIAL_RENT, route: NEW_BUILD, homes: 4 }], scheme.version))).toEqual(["HOMES_ABOVE_PLANNED"]);
    expect(codes(await complete([{ tenure: SOCIAL_RENT, route: EMPTY_HOMES, homes: 1 }], scheme.version))).toEqual(["HOMES_ABOVE_PLANNED"]);
    expect(codes(await complete([{ tenure: SOCIAL_RENT, route: NEW_BUILD, homes: 2 }, { tenure: SOCIAL_RENT, route: NEW_BUILD, homes: 2 }], scheme.version))).toEqual(["HOMES_ABOVE_PLANNED"]);
    expect(codes(await complete([{ tenure: SOCIAL_RENT, route: NEW_BUILD, homes: 0 }], scheme.version))).toEqual(["OUT_OF_RANGE"]);
    expect(await housingRowCounts(app.db)).toEqual(before);
    const done = ok(await complete([{ tenure: SOCIAL_RENT, route: NEW_BUILD, homes: 3 }], scheme.version)).scheme;
    expect(codes(await complete([{ tenure: SOCIAL_RENT, route: NEW_BUILD, homes: 1 }], done.version))).toEqual(["HOMES_ABOVE_PLANNED"]);
    const shown = await app.ok(`query($id: ID!) { node(id: $id) { ... on HousingScheme { homesPlanned homesCompleted homes { tenure route planned completed } completions { completedOn homes } } } }`,
      { id: toGlobalId("HousingScheme", scheme.id) });
    expect(shown.node).toEqual({
      homesPlanned: 5, homesCompleted: 3, completions: [{ completedOn: "2024-12-31", homes: 3 }],
      homes: [{ tenure: "SHARED_OWNERSHIP", route: "NEW_BUILD", planned: 2, completed: 0 }, { tenure: "SOCIAL_RENT", route: "NEW_BUILD", planned: 3, completed: 3 }],
    });
    await expect(app.db.query("UPDATE housing_scheme_homes SET completed = 9 WHERE scheme_id = $1", [scheme.id])).rejects.toThrow(/completed_check/);
  });

  test("a new plan may not fall below what is complete; completions wait for ON_SITE and are not dated before it", async () => {
    const scheme = await makeScheme(app.db, { stage: HousingSchemeStage.ON_SITE, startedOn: "2024-01-01" });
    const done = ok(await housing().recordCompletions(asAdmin, scheme.id, { expectedVersion: scheme.version, completedOn: "2024-03-01", homes: [{ tenure: AFFORDABLE_RENT, route: EMPTY_HOMES, homes: 2 }] })).scheme;
    expect(codes(await housing().planHomes(asAdmin, scheme.id, { expectedVersion: done.version, homes: [{ tenure: AFFORDABLE_RENT, route: EMPTY_HOMES, planned: 1 }] }))).toEqual(["HOMES_COMPLETED_ABOVE_PLANNED"]);
    expect(codes(await housing().planHomes(asAdmin, scheme.id, { expectedVersion: done.version, homes: [{ tenure: SOCIAL_RENT, route: NEW_BUILD, planned: 5 }] }))).toEqual(["HOMES_COMPLETED_ABOVE_PLANNED"]);
    expect(codes(await housing().planHomes(asAdmin, scheme.id, { expectedVersion: done.version, homes: [{ tenure: SOCIAL_RENT, route: NEW_BUILD, planned: 5 }, { tenure: SOCIAL_RENT, route: NEW_BUILD, planned: 2 }] }))).toContain("DUPLICATE");
    // ON_SITE was reached on 29 January 2024 (the factory moves a stage a week).
    expect(codes(await housing().recordCompletions(asAdmin, scheme.id, { expectedVersion: done.version, completedOn: "2024-01-28", homes: [{ tenure: AFFORDABLE_RENT, route: EMPTY_HOMES, homes: 1 }] }))).toEqual(["TOO_EARLY"]);
    const planning = await makeScheme(app.db, { stage: HousingSchemeStage.PLANNING });
    expect(codes(await housing().recordCompletions(asAdmin, planning.id, { expectedVersion: planning.version, homes: [{ tenure: AFFORDABLE_RENT, route: EMPTY_HOMES, homes: 1 }] }))).toEqual(["WRONG_STATUS"]);
  });
});

describe("partnership", () => {
  test("lease terms of 0 or 1,000 years, the lead as its own partner, and terms without a partner are refused", async () => {
    const scheme = await makeScheme(app.db);
    const partner = await makeOrganisation(app.db);
    const set = (input: Record<string, unknown>) => housing().setPartnership(asAdmin, scheme.id, { expectedVersion: scheme.version, partnerOrganisationId: partner.id, ...input });
    const before = await housingRowCounts(app.db);
    expect(codes(await set({ leaseTermYears: 0 }))).toEqual(["LEASE_TERM_OUT_OF_RANGE"]);
    expect(codes(await set({ leaseTermYears: 1000 }))).toEqual(["LEASE_TERM_OUT_OF_RANGE"]);
    expect(codes(await set({ partnerOrganisationId: scheme.leadOrganisationId }))).toEqual(["SAME_AS_LEAD"]);
    expect(codes(await set({ partnerOrganisationId: null, groundRentPence: 10_000 }))).toEqual(["REQUIRED"]);
    expect(codes(await set({ groundRentPence: -1 }))).toEqual(["NEGATIVE_AMOUNT"]);
    expect(await housingRowCounts(app.db)).toEqual(before);
    const agreed = ok(await set({ leaseTermYears: 125, groundRentPence: 25_000, buyBackOption: true, freeholdHeldByClt: true })).scheme;
    expect(agreed).toMatchObject({ partnerOrganisationId: partner.id, leaseTermYears: 125, groundRentPence: 25_000 });
    const ended = ok(await housing().setPartnership(asAdmin, scheme.id, { expectedVersion: agreed.version, partnerOrganisationId: null })).scheme;
    expect(ended).toMatchObject({ partnerOrganisationId: null, leaseTermYears: null, groundRentPence: null, buyBackOption: null });
  });

  test("terms and costs recouped are for ADMIN, ANALYST and the lead's and partner's members; the lead chooses the partner", async () => {
    const lead = await organisationWithOwner(app.db);
    const partner = await organisationWithOwner(app.db);
    const scheme = await makeScheme(app.db, { leadOrganisationId: lead.organisationId });
    expect(codes(await housing().setPartnership(actorOf(partner.viewer), scheme.id, { expectedVersion: scheme.version, partnerOrganisationId: partner.organisationId }))).toEqual(["NOT_ALLOWED"]);
    const agreed = ok(await housing().setPartnership(actorOf(lead.viewer), scheme.id, { expectedVersion: scheme.version, partnerOrganisationId: partner.organisationId, leaseTermYears: 125, groundRentPence: 30_000 })).scheme;
    ok(await housing().update(actorOf(partner.viewer), scheme.id, { expectedVersion: agreed.version, umbrellaCostsRecoupedPence: 500_000 }));
    const q = `query($id: ID!) { node(id: $id) { ... on HousingScheme { partner { id } partnership { leaseTermYears groundRent { pence } } umbrellaCostsRecouped { pence } } } }`;
    const id = toGlobalId("HousingScheme", scheme.id);
    const tokenOf = async (userId: string | null) => app.signIn((await app.db.query("SELECT email FROM app_user WHERE id = $1", [userId]))[0].email, TEST_PASSWORD);
    const analyst = await app.signIn((await makeUser(app.db, { roles: [Role.ANALYST] })).email, TEST_PASSWORD);
    const stranger = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
    const terms = { partner: { id: toGlobalId("Organisation", partner.organisationId) }, partnership: { leaseTermYears: 125, groundRent: { pence: 30_000 } }, umbrellaCostsRecouped: { pence: 500_000 } };
    for (const token of [await tokenOf(lead.viewer.userId), await tokenOf(partner.viewer.userId), analyst]) expect((await app.ok(q, { id }, token)).node).toEqual(terms);
    for (const token of [stranger, undefined]) expect((await app.ok(q, { id }, token)).node).toEqual({ ...terms, partnership: null, umbrellaCostsRecouped: null });
  });

  test("someone acting for no organisation, or a partner key, changes nothing; a missing scheme is refused the same way", async () => {
    const scheme = await makeScheme(app.db);
    const nobody = viewerWith({ userId: (await makeUser(app.db)).id });
    const partnerKey = viewerWith({ apiKeyId: randomUUID(), scopes: [ApiScope.READ_PUBLIC, ApiScope.WRITE_ORGANISATIONS] });
    const other = await organisationWithOwner(app.db);
    for (const viewer of [nobody, partnerKey, other.viewer]) {
      expect(codes(await housing().update(actorOf(viewer), scheme.id, { expectedVersion: scheme.version, name: "Ours" }))).toEqual(["NOT_ALLOWED"]);
    }
    expect(codes(await housing().update(actorOf(other.viewer), randomUUID(), { expectedVersion: 1, name: "Ours" }))).toEqual(["NOT_ALLOWED"]);
    expect(codes(await housing().update(asAdmin, randomUUID(), { expectedVersion: 1, name: "Ours" }))).toEqual(["NOT_FOUND"]);
  });
});

describe("the list and homes delivered per place and year", () => {
  let wirral: string;
  let ward: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    wirral = await placeId(app.db, "E08000015");
    [ward] = await insertPlaces(app.db, "E08000015", ["Housing Test Ward"]);
    const partner = await makeOrganisation(app.db, { name: "Wirral Test Homes" });
    // The factory completes a scheme's homes 34 days after its start: 31 December 2024 and 1 January 2025.
    const a = await makeScheme(app.db, { placeId: ward, stage: HousingSchemeStage.LET, startedOn: "2024-11-27",
      homes: [{ tenure: SOCIAL_RENT, route: EMPTY_HOMES, planned: 3 }, { tenure: SHARED_OWNERSHIP, route: NEW_BUILD, planned: 2 }] });
    ok(await housing().setPartnership(asAdmin, a.id, { expectedVersion: a.version, partnerOrganisationId: partner.id, leaseTermYears: 125 }));
    const b = await makeScheme(app.db, { placeCode: "E08000015", stage: HousingSchemeStage.COMPLETED, startedOn: "2024-11-28",
      homes: [{ tenure: AFFORDABLE_RENT, route: NEW_BUILD, planned: 4 }] });
    const c = await makeScheme(app.db, { placeCode: "E08000015", stage: HousingSchemeStage.PLANNING, homes: [{ tenure: SOCIAL_RENT, route: NEW_BUILD, planned: 12 }] });
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, partner: partner.id });
  });

  test("homes completed on 31 December count in that year, and on 1 January in the next; a borough counts its wards", async () => {
    const rows = await housingApi.homesByPlaceAndYear(app.db, [wirral, ward], 2024, 2025);
    expect(rows).toEqual([
      { placeId: wirral, year: 2024, homes: 5, emptyHomes: 3, newBuild: 2, byTenure: [{ tenure: "SOCIAL_RENT", homes: 3 }, { tenure: "SHARED_OWNERSHIP", homes: 2 }] },
      { placeId: wirral, year: 2025, homes: 4, emptyHomes: 0, newBuild: 4, byTenure: [{ tenure: "AFFORDABLE_RENT", homes: 4 }] },
      { placeId: ward, year: 2024, homes: 5, emptyHomes: 3, newBuild: 2, byTenure: [{ tenure: "SOCIAL_RENT", homes: 3 }, { tenure: "SHARED_OWNERSHIP", homes: 2 }] },
      { placeId: ward, year: 2025, homes: 0, emptyHomes: 0, newBuild: 0, byTenure: [] },
    ]);
    const { homesDelivered } = await app.ok(`query($p: [ID!]!) { homesDelivered(placeIds: $p, fromYear: 2023, toYear: 2025) { place { name } year homes emptyHomes newBuild } }`,
      { p: [toGlobalId("Place", wirral)] });
    expect(homesDelivered).toEqual([2023, 2024, 2025].map((year, i) => ({ place: { name: "Wirral" }, year, homes: [0, 5, 4][i], emptyHomes: [0, 3, 0][i], newBuild: [0, 2, 4][i] })));
    const wide = await app.run(`query($p: [ID!]!) { homesDelivered(placeIds: $p, fromYear: 1900, toYear: 2000) { year } }`, { p: [toGlobalId("Place", wirral)] });
    expect(wide.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("the region summary's housing figures: the pipeline at the period's end and homes completed in it", async () => {
    expect(await housingApi.regionFigures(app.db, [wirral], "2025-01-01", "2025-12-31")).toEqual({
      schemesInPipeline: 1, homesPlanned: 12, homesCompleted: 4, emptyHomesCompleted: 0, newBuildCompleted: 4,
    });
    expect(await housingApi.regionFigures(app.db, [wirral], "2024-12-31", "2024-12-31")).toMatchObject({ schemesInPipeline: 3, homesPlanned: 21, homesCompleted: 5, emptyHomesCompleted: 3 });
  });

  test("the schemes list filters by place with its wards, stage, lead, partner and the days homes were completed", async () => {
    const list = async (filter: Record<string, unknown>) => (await app.ok(`query($f: HousingSchemeFilter) { housingSchemes(first: 100, filter: $f) { nodes { id } } }`, { f: filter }))
      .housingSchemes.nodes.map((n: { id: string }) => n.id).sort();
    const g = (...keys: string[]) => keys.map((k) => toGlobalId("HousingScheme", ids[k])).sort();
    const wirralId = toGlobalId("Place", wirral);
    expect(await list({ placeIds: [wirralId] })).toEqual(g("a", "b", "c"));
    expect(await list({ placeIds: [toGlobalId("Place", ward)] })).toEqual(g("a"));
    expect(await list({ placeIds: [wirralId], stages: ["LET", "COMPLETED"] })).toEqual(g("a", "b"));
    expect(await list({ placeIds: [wirralId], hasPartner: false })).toEqual(g("b", "c"));
    expect(await list({ partnerOrganisationIds: [toGlobalId("Organisation", ids.partner)] })).toEqual(g("a"));
    expect(await list({ placeIds: [wirralId], homesCompletedFrom: "2025-01-01" })).toEqual(g("b"));
    expect(await list({ placeIds: [wirralId], homesCompletedTo: "2024-12-31" })).toEqual(g("a"));
  });
});

test("the dashboard's read of schemes, with organisations, site, place and homes, is one statement whatever the page", async () => {
  for (let i = 0; i < 30; i++) await makeScheme(app.db, { placeCode: "E08000014", stage: i % 2 ? HousingSchemeStage.ON_SITE : HousingSchemeStage.PLANNING });
  const q = `query($n: Int!) { housingSchemes(first: $n, filter: { placeIds: ["${toGlobalId("Place", await placeId(app.db, "E08000014"))}"] }) {
    totalCount nodes { name stage homesPlanned homesCompleted leadOrganisation { name } partner { name } site { name } place { name }
      homes { tenure planned } partnership { leaseTermYears } } } }`;
  const few = await app.run(q, { n: 2 });
  const many = await app.run(q, { n: 30 });
  expect(many.errors).toBeUndefined();
  expect(many.data!.housingSchemes.nodes.every((s: { homesPlanned: number; site: unknown }) => s.homesPlanned === 4 && s.site)).toBe(true);
  // The page with everything under it, the borough expanded to the places inside it by the same statement.
  expect([few.sql, many.sql]).toEqual([1, 1]);
});
