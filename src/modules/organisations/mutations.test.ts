// Creating, updating and archiving organisations: rules, bad input, versions, concurrency, audit, rollback.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { makeUser } from "../../../tests/support/factories";
import { LIVERPOOL, makeOrganisation, placeId, rowCount, SYSTEM_ADMIN, viewerWith } from "../../../tests/support/organisation-factories";
import { LegalForm } from "./organisation.enums";
import { toGlobalId } from "../../graphql/ids";
import { OrganisationRole, Role } from "../../auth/roles";
import { raceTest } from "../../../tests/support/races";

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
  organisation { id name version assetLocked identifiers registeredPlace { code } governance { boardSize communityBoardMembers } memberships { role } }
  userErrors { field code message } } }`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) {
  organisation { name description version } userErrors { field code message } } }`;
const ARCHIVE = `mutation($input: ArchiveOrganisationInput!) { archiveOrganisation(input: $input) {
  organisation { archived version } userErrors { field code } } }`;
const IDENTIFIER = (op: string) => `mutation($input: OrganisationIdentifierInput!) { ${op}(input: $input) {
  organisation { identifiers version } userErrors { field code message } } }`;

let app: TestApp;
let liverpool: string;
beforeAll(async () => {
  app = await startTestApp();
  liverpool = toGlobalId("Place", await placeId(app.db, LIVERPOOL));
});
afterAll(async () => { await app.close(); });

const WRITE_TABLES = ["organisation", "organisation_identifier", "organisation_place_served", "organisation_membership", "audit_event"];
async function counts() {
  return Object.fromEntries(await Promise.all(WRITE_TABLES.map(async (t) => [t, await rowCount(app.db, t)])));
}

test("a signed-in person registers an organisation, becomes its OWNER, and the change is audited", async () => {
  const user = await makeUser(app.db);
  const r = await app.ok(CREATE, { input: {
    name: "  Kirkby Bike Kitchen CIC ", legalForm: "CIC_LIMITED_BY_SHARES", registeredPlaceId: liverpool,
    identifiers: ["gb-coh-12345678"], governance: { boardSize: 5, communityBoardMembers: 3 },
  } }, viewerWith({ userId: user.id }));
  expect(r.createOrganisation.userErrors).toEqual([]);
  expect(r.createOrganisation.organisation).toMatchObject({
    name: "Kirkby Bike Kitchen CIC", version: 1, assetLocked: true, identifiers: ["GB-COH-12345678"],
    registeredPlace: { code: LIVERPOOL }, governance: { boardSize: 5, communityBoardMembers: 3 },
  });
  const [event] = await app.db.query("SELECT action, actor_user_id, changes FROM audit_event WHERE action = 'organisation.create' ORDER BY id DESC LIMIT 1");
  expect(event.actor_user_id).toBe(user.id);
  expect(event.changes.name.after).toBe("Kirkby Bike Kitchen CIC");
  expect(event.changes.identifiers.after).toEqual(["GB-COH-12345678"]);
  const [membership] = await app.db.query("SELECT role FROM organisation_membership WHERE user_id = $1", [user.id]);
  expect(membership.role).toBe("OWNER");
});

test("anonymous visitors cannot register organisations, and nothing is written", async () => {
  const before = await counts();
  const r = await app.ok(CREATE, { input: { name: "Ghost CIC", legalForm: "CIO" } });
  expect(r.createOrganisation).toEqual({ organisation: null, userErrors: [{ field: null, code: "NOT_ALLOWED", message: expect.any(String) }] });
  expect(await counts()).toEqual(before);
});

test("bad input gets a clear userError per field and writes nothing", async () => {
  await makeOrganisation(app.db, { name: "Holder of an identifier", legalForm: LegalForm.CIO, identifiers: ["GB-CHC-1123456"] });
  const before = await counts();
  const r = await app.ok(CREATE, { input: {
    name: "   ", description: "x".repeat(5001), legalForm: "CIO", website: "not a url",
    registeredPlaceId: toGlobalId("Place", "00000000-0000-4000-8000-000000000000"),
    placesServedIds: [toGlobalId("Place", "00000000-0000-4000-8000-000000000001")],
    identifiers: ["US-EIN-123", "GB-COH-123", "GB-CHC-1123456"], governance: { boardSize: 3, communityBoardMembers: 4 },
    tradingIncomePercent: 150, foundedOn: "2199-01-01",
  } }, SYSTEM_ADMIN);
  const codes = r.createOrganisation.userErrors.map((e: { field: string[]; code: string }) => `${e.field.join(".")}:${e.code}`);
  expect(codes.sort()).toEqual([
    "description:TOO_LONG", "foundedOn:IN_FUTURE", "governance.communityBoardMembers:MORE_THAN_BOARD", "identifiers.0:INVALID_IDENTIFIER",
    "identifiers.1:INVALID_IDENTIFIER", "identifiers.2:IDENTIFIER_TAKEN", "name:REQUIRED", "placesServedIds.0:UNKNOWN_PLACE",
    "registeredPlaceId:UNKNOWN_PLACE", "tradingIncomePercent:OUT_OF_RANGE", "website:INVALID_URL",
  ].sort());
  expect(r.createOrganisation.userErrors.find((e: { code: string }) => e.code === "IDENTIFIER_TAKEN").message).toMatch(/another organisation/);
  expect(await counts()).toEqual(before);
});

test("an ID of another type is refused before any rule runs, naming every such field", async () => {
  const before = await counts();
  const r = await app.ok(CREATE, { input: {
    name: "Fine", legalForm: "CIO", registeredPlaceId: toGlobalId("Organisation", "00000000-0000-4000-8000-000000000000"),
    placesServedIds: [toGlobalId("Place", "00000000-0000-4000-8000-000000000000"), "not-an-id"],
  } }, SYSTEM_ADMIN);
  expect(r.createOrganisation).toEqual({ organisation: null, userErrors: [
    { field: ["registeredPlaceId"], code: "INVALID_ID", message: "That is not a Place's ID." },
    { field: ["placesServedIds", "1"], code: "INVALID_ID", message: "That is not a Place's ID." },
  ] });
  expect(await counts()).toEqual(before);
});

test("a name over 200 characters is refused", async () => {
  const r = await app.ok(CREATE, { input: { name: "n".repeat(201), legalForm: "CIO" } }, SYSTEM_ADMIN);
  expect(r.createOrganisation.userErrors).toEqual([{ field: ["name"], code: "TOO_LONG", message: expect.stringContaining("200") }]);
});

test("an update with a stale expectedVersion is refused and changes nothing", async () => {
  const org = await makeOrganisation(app.db, { name: "Speke Community Pub" });
  const id = toGlobalId("Organisation", org.id);
  const first = await app.ok(UPDATE, { input: { id, expectedVersion: 1, description: "First edit" } }, SYSTEM_ADMIN);
  expect(first.updateOrganisation.organisation).toMatchObject({ description: "First edit", version: 2 });
  const before = await counts();
  const stale = await app.ok(UPDATE, { input: { id, expectedVersion: 1, description: "Lost edit" } }, SYSTEM_ADMIN);
  expect(stale.updateOrganisation.userErrors).toEqual([{ field: ["expectedVersion"], code: "STALE_VERSION", message: expect.stringMatching(/version 2/) }]);
  expect(await counts()).toEqual(before);
  const [row] = await app.db.query("SELECT description, version FROM organisation WHERE id = $1", [org.id]);
  expect(row).toEqual({ description: "First edit", version: 2 });
});

raceTest("concurrent updates with the same expectedVersion leave exactly one applied", async () => {
  const org = await makeOrganisation(app.db, { name: "Halewood Repair Café" });
  const id = toGlobalId("Organisation", org.id);
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
    app.ok(UPDATE, { input: { id, expectedVersion: 1, description: `Edit ${i}` } }, SYSTEM_ADMIN)));
  const applied = results.filter((r) => r.updateOrganisation.userErrors.length === 0);
  const stale = results.filter((r) => r.updateOrganisation.userErrors[0]?.code === "STALE_VERSION");
  expect(applied).toHaveLength(1);
  expect(stale).toHaveLength(9);
  const [row] = await app.db.query("SELECT description, version FROM organisation WHERE id = $1", [org.id]);
  expect(row).toEqual({ description: applied[0].updateOrganisation.organisation.description, version: 2 });
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'organisation.update' AND entity_id = $1", [org.id]);
  expect(n).toBe(1);
});

test("editors may update, viewers may not, and owners alone archive", async () => {
  const org = await makeOrganisation(app.db, { name: "Rainhill Men's Shed" });
  const id = toGlobalId("Organisation", org.id);
  const as = (role: OrganisationRole) => viewerWith({ userId: "00000000-0000-4000-8000-00000000000a", memberships: [[org.id, role]] });
  expect((await app.ok(UPDATE, { input: { id, expectedVersion: 1, name: "Rainhill Shed" } }, as(OrganisationRole.VIEWER))).updateOrganisation.userErrors[0].code).toBe("NOT_ALLOWED");
  expect((await app.ok(UPDATE, { input: { id, expectedVersion: 1, name: "Rainhill Shed" } }, as(OrganisationRole.EDITOR))).updateOrganisation.userErrors).toEqual([]);
  expect((await app.ok(ARCHIVE, { input: { id, expectedVersion: 2 } }, as(OrganisationRole.EDITOR))).archiveOrganisation.userErrors[0].code).toBe("NOT_ALLOWED");
  const archived = await app.ok(ARCHIVE, { input: { id, expectedVersion: 2 } }, as(OrganisationRole.OWNER));
  expect(archived.archiveOrganisation).toEqual({ organisation: { archived: true, version: 3 }, userErrors: [] });
  expect((await app.ok(ARCHIVE, { input: { id, expectedVersion: 3 } }, SYSTEM_ADMIN)).archiveOrganisation.userErrors[0].code).toBe("ALREADY_ARCHIVED");
  expect((await app.ok(`query($id: ID!) { node(id: $id) { ... on Organisation { name archived } } }`, { id })).node).toEqual({ name: "Rainhill Shed", archived: true });
});

test("identifiers are added once across the register and removed again, each bumping the version", async () => {
  const a = await makeOrganisation(app.db, { name: "Formby Energy Co-operative", legalForm: LegalForm.CO_OPERATIVE_SOCIETY });
  const b = await makeOrganisation(app.db, { name: "Maghull Energy Co-operative", legalForm: LegalForm.CO_OPERATIVE_SOCIETY });
  const add = (org: string, identifier: string) => app.ok(IDENTIFIER("addOrganisationIdentifier"), { input: { organisationId: toGlobalId("Organisation", org), identifier } }, SYSTEM_ADMIN);
  expect((await add(a.id, "GB-MPR-31234R")).addOrganisationIdentifier).toEqual({ organisation: { identifiers: ["GB-MPR-31234R"], version: 2 }, userErrors: [] });
  expect((await add(b.id, "gb-mpr-31234r")).addOrganisationIdentifier.userErrors[0]).toMatchObject({ field: ["identifier"], code: "IDENTIFIER_TAKEN" });
  expect((await add(a.id, "GB-XYZ-1")).addOrganisationIdentifier.userErrors[0].code).toBe("INVALID_IDENTIFIER");
  const removed = await app.ok(IDENTIFIER("removeOrganisationIdentifier"), { input: { organisationId: toGlobalId("Organisation", a.id), identifier: "GB-MPR-31234R" } }, SYSTEM_ADMIN);
  expect(removed.removeOrganisationIdentifier).toEqual({ organisation: { identifiers: [], version: 3 }, userErrors: [] });
  expect((await add(b.id, "GB-MPR-31234R")).addOrganisationIdentifier.userErrors).toEqual([]);
});

test("identifier schemes fit legal forms: a CIC has no charity number, and a change of form must fit what it holds", async () => {
  const cic = await makeOrganisation(app.db, { name: "Wavertree Makers CIC" });
  const add = (identifier: string) => app.ok(IDENTIFIER("addOrganisationIdentifier"), { input: { organisationId: toGlobalId("Organisation", cic.id), identifier } }, SYSTEM_ADMIN);
  const refused = (await add("GB-CHC-1198765")).addOrganisationIdentifier.userErrors[0];
  expect(refused).toMatchObject({ field: ["identifier"], code: "IDENTIFIER_DOES_NOT_FIT_LEGAL_FORM" });
  expect(refused.message).toMatch(/a CIC cannot be a charity/);
  expect((await add("GB-MPR-31299R")).addOrganisationIdentifier.userErrors[0].code).toBe("IDENTIFIER_DOES_NOT_FIT_LEGAL_FORM");
  expect((await add("GB-COH-11223344")).addOrganisationIdentifier.userErrors).toEqual([]);
  const changed = await app.ok(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { userErrors { field code } } }`,
    { input: { id: toGlobalId("Organisation", cic.id), expectedVersion: 2, legalForm: "CIO" } }, SYSTEM_ADMIN);
  expect(changed.updateOrganisation.userErrors).toEqual([{ field: ["legalForm"], code: "IDENTIFIER_DOES_NOT_FIT_LEGAL_FORM" }]);
});

raceTest("two organisations claiming one identifier at the same moment: exactly one gets it", async () => {
  const orgs = await Promise.all([1, 2, 3, 4].map((i) => makeOrganisation(app.db, { name: `Racer ${i}` })));
  const results = await Promise.all(orgs.map((o) => app.ok(IDENTIFIER("addOrganisationIdentifier"),
    { input: { organisationId: toGlobalId("Organisation", o.id), identifier: "GB-COH-SC999999" } }, SYSTEM_ADMIN)));
  expect(results.filter((r) => r.addOrganisationIdentifier.userErrors.length === 0)).toHaveLength(1);
  expect(results.filter((r) => r.addOrganisationIdentifier.userErrors[0]?.code === "IDENTIFIER_TAKEN")).toHaveLength(3);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM organisation_identifier WHERE value = 'GB-COH-SC999999'");
  expect(n).toBe(1);
});

test("a fault part-way through a create rolls the whole transaction back and is masked", async () => {
  await app.db.query(`CREATE FUNCTION fail_served() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$`);
  await app.db.query(`CREATE TRIGGER fail_served BEFORE INSERT ON organisation_place_served FOR EACH ROW EXECUTE FUNCTION fail_served()`);
  try {
    const before = await counts();
    const r = await app.run(CREATE, { input: { name: "Doomed CIC", legalForm: "CIO", placesServedIds: [liverpool] } }, SYSTEM_ADMIN);
    expect(r.errors![0]).toMatchObject({ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(r.errors)).not.toMatch(/disk on fire|organisation_place_served|INSERT/);
    expect(await counts()).toEqual(before);
  } finally {
    await app.db.query("DROP TRIGGER fail_served ON organisation_place_served; DROP FUNCTION fail_served()");
  }
});

test("partners with write:organisations may register, other partner keys may not", async () => {
  const partner = (scopes: string[]) => viewerWith({ apiKeyId: "00000000-0000-4000-8000-0000000000bb", roles: [Role.PARTNER], scopes: scopes as never });
  expect((await app.ok(CREATE, { input: { name: "Partner Synced CIC", legalForm: "CIC_LIMITED_BY_GUARANTEE" } }, partner(["write:organisations"]))).createOrganisation.userErrors).toEqual([]);
  // A key without the scope is refused before anything runs, the error naming the scope it needs.
  const refused = await app.run(CREATE, { input: { name: "Nope CIC", legalForm: "CIO" } }, partner(["read:public"]));
  expect(refused.errors![0].extensions).toMatchObject({ code: "FORBIDDEN", requiredScope: "write:organisations" });
  expect(await app.db.query("SELECT 1 FROM organisation WHERE name = 'Nope CIC'")).toEqual([]);
});

describe("a partner key changes only the organisations its partner created or was linked to (issue 10, item 2)", () => {
  const partnerKey = (apiKeyId: string) => viewerWith({ apiKeyId, roles: [Role.PARTNER], scopes: ["write:organisations" as never] });
  const syncer = partnerKey("00000000-0000-4000-8000-0000000000c1");
  const other = partnerKey("00000000-0000-4000-8000-0000000000c2");

  test("the partner that created an organisation may update it and its identifiers", async () => {
    const created = await app.ok(CREATE, { input: { name: "Synced Bakery CIC", legalForm: "CIC_LIMITED_BY_SHARES" } }, syncer);
    const id = created.createOrganisation.organisation.id;
    const updated = await app.ok(UPDATE, { input: { id, expectedVersion: 1, description: "From the partner's CRM" } }, syncer);
    expect(updated.updateOrganisation).toMatchObject({ organisation: { description: "From the partner's CRM", version: 2 }, userErrors: [] });
    const added = await app.ok(IDENTIFIER("addOrganisationIdentifier"), { input: { organisationId: id, identifier: "GB-COH-87654321" } }, syncer);
    expect(added.addOrganisationIdentifier.userErrors).toEqual([]);
  });

  test("any other organisation is refused, whether it exists or not, and nothing changes", async () => {
    const someoneElses = await makeOrganisation(app.db, { name: "Not Synced Co-op", legalForm: LegalForm.CO_OPERATIVE_SOCIETY, identifiers: ["GB-MPR-IP77123R"] });
    const created = await app.ok(CREATE, { input: { name: "Other Partner's CIC", legalForm: "CIO" } }, other);
    const theirs = created.createOrganisation.organisation.id;
    const before = await counts();
    for (const id of [toGlobalId("Organisation", someoneElses.id), theirs, toGlobalId("Organisation", "00000000-0000-4000-8000-00000000dead")]) {
      const update = await app.ok(UPDATE, { input: { id, expectedVersion: 1, name: "Hijacked" } }, syncer);
      expect(update.updateOrganisation.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ALLOWED"]);
      for (const op of ["addOrganisationIdentifier", "removeOrganisationIdentifier"]) {
        const r = await app.ok(IDENTIFIER(op), { input: { organisationId: id, identifier: "GB-MPR-IP77123R" } }, syncer);
        expect(r[op].userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ALLOWED"]);
      }
    }
    expect(await counts()).toEqual(before);
    const [row] = await app.db.query("SELECT name, version FROM organisation WHERE id = $1", [someoneElses.id]);
    expect(row).toEqual({ name: "Not Synced Co-op", version: 1 });
  });
});
