// Every root field declares what a partner API key needs, and the server holds keys to it before anything runs: a
// key without the scope is refused naming it, a key with it gets past the check, fields closed to keys stay closed.
import { getNamedType, GraphQLField, GraphQLSchema, isCompositeType, isNonNullType } from "graphql";
import { startTestApp, TestApp } from "../support/test-app";
import { makeOrganisation, viewerWith } from "../support/organisation-factories";
import { ApiScope, Role } from "../../src/auth/roles";
import { ANY_KEY, mergeKeyScopes, NO_KEY } from "../../src/auth/scopes";
import { allModules } from "../../src/app";
import { buildKithSchema } from "../../src/graphql/schema";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { seedDemoCatalogue } from "../../src/modules/impact/catalogue.seed";
import { toGlobalId } from "../../src/graphql/ids";

let app: TestApp;
let schema: GraphQLSchema;
const rules = mergeKeyScopes(allModules.flatMap((m) => (m.scopes ? [m.scopes] : [])));
beforeAll(async () => {
  app = await startTestApp();
  schema = await buildKithSchema(allModules);
});
afterAll(async () => { await app.close(); });

const key = (scopes: ApiScope[]) => viewerWith({ apiKeyId: "00000000-0000-4000-8000-0000000000e1", roles: [Role.PARTNER], scopes });
const ALL = Object.values(ApiScope);

/** The smallest valid operation selecting one root field: its required arguments as variables (left unset). */
function operationFor(root: "Query" | "Mutation", field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const vars = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const args = required.map((a) => `${a.name}: $${a.name}`).join(", ");
  const selection = isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
  return `${root === "Query" ? "query" : "mutation"}${vars ? `(${vars})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
}

function rootFields(): [root: "Query" | "Mutation", field: GraphQLField<unknown, unknown>][] {
  return (["Query", "Mutation"] as const).flatMap((root) => Object.values((root === "Query" ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((f) => [root, f] as [typeof root, typeof f]));
}

test("every root field of the schema declares what a key needs, and every declaration names a served field", () => {
  const undeclared = rootFields().filter(([root, f]) => rules[root][f.name] === undefined).map(([root, f]) => `${root}.${f.name}`);
  expect(undeclared).toEqual([]);
  const stale = (["Query", "Mutation"] as const).flatMap((root) => Object.keys(rules[root]).filter((name) => !rootFields().some(([r, f]) => r === root && f.name === name)));
  expect(stale).toEqual([]);
});

test("each scoped root field refuses a key without its scope, naming the scope, and lets a key with only that scope past", async () => {
  const checked: string[] = [];
  for (const [root, field] of rootFields()) {
    const access = rules[root][field.name];
    if (access === NO_KEY || access === ANY_KEY) continue;
    const op = operationFor(root, field);
    const without = await app.run(op, {}, key(ALL.filter((s) => s !== access)));
    expect({ field: field.name, error: without.errors?.[0] }).toMatchObject({
      field: field.name, error: { message: `This API key needs the ${access} scope for ${root}.${field.name}.`, extensions: { code: "FORBIDDEN", requiredScope: access } },
    });
    const withIt = await app.run(op, {}, key([access]));
    expect({ field: field.name, codes: (withIt.errors ?? []).map((e) => e.extensions?.code) }).not.toMatchObject({ codes: expect.arrayContaining(["FORBIDDEN"]) });
    checked.push(field.name);
  }
  expect(checked).toEqual(expect.arrayContaining(["organisations", "agreements", "funds", "places", "createOrganisation", "updateOrganisation", "recordMeasurement"]));
});

test("root fields closed to keys stay closed whatever the scopes; people are not held to scopes", async () => {
  for (const [root, field] of rootFields()) {
    if (rules[root][field.name] !== NO_KEY) continue;
    const r = await app.run(operationFor(root, field), {}, key(ALL));
    expect({ field: field.name, error: r.errors?.[0] }).toMatchObject({
      field: field.name, error: { message: `${root}.${field.name} is not open to API keys.`, extensions: { code: "FORBIDDEN" } },
    });
  }
  const anyKey = rootFields().filter(([root, f]) => rules[root][f.name] === ANY_KEY);
  for (const [root, field] of anyKey) {
    const r = await app.run(operationFor(root, field), {}, key([ApiScope.READ_IMPACT]));
    expect((r.errors ?? []).map((e) => e.message)).not.toContainEqual(expect.stringMatching(/scope for|not open to API keys/));
  }
  const person = await app.run("{ apiKeys(first: 1) { totalCount } }", {}, viewerWith({ userId: "00000000-0000-4000-8000-0000000000e2", roles: [Role.ADMIN] }));
  expect(person.errors).toBeUndefined();
});

test("below the root, objects keep their own rules: an organisation's agreements are null to a key without read:funds; fragments on Query are checked too", async () => {
  const nested = "{ organisations(first: 1) { nodes { name agreements(first: 1) { totalCount } } } }";
  await makeOrganisation(app.db, { name: "Scoped Co-op" });
  const r = await app.ok(nested, {}, key([ApiScope.READ_ORGANISATIONS]));
  expect(r.organisations.nodes[0].agreements).toBeNull();
  const withFunds = await app.ok(nested, {}, key([ApiScope.READ_ORGANISATIONS, ApiScope.READ_FUNDS]));
  expect(withFunds.organisations.nodes[0].agreements).toEqual({ totalCount: 0 });
  const viaFragment = await app.run("query { ...Q } fragment Q on Query { agreements(first: 1) { totalCount } }", {}, key([ApiScope.READ_PUBLIC]));
  expect(viaFragment.errors?.[0]).toMatchObject({ message: "This API key needs the read:funds scope for Query.agreements.", extensions: { requiredScope: "read:funds" } });
});

test("a key with write:measurements records measurements for the organisations its partner created or was linked to, and no others", async () => {
  await app.db.transaction((m) => seedDemoCatalogue(m));
  const admin = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
  const partner = (await app.post(`mutation { createPartner(input: { name: "Impact reporting system" }) { partner { id } } }`, {}, admin)).json.data.createPartner.partner;
  const issue = async (scopes: string[]) => (await app.post(`mutation($p: ID!, $s: [ApiScope!]!) { createPartnerKey(input: { partnerId: $p, name: "sync", scopes: $s }) { secret } }`,
    { p: partner.id, s: scopes }, admin)).json.data.createPartnerKey.secret as string;
  const orgKey = await issue(["WRITE_ORGANISATIONS"]);
  const measureKey = await issue(["WRITE_MEASUREMENTS"]);
  const created = (await app.post(`mutation { createOrganisation(input: { name: "Partner-made Pantry CIC", legalForm: CIO }) { organisation { id } } }`, {}, orgKey))
    .json.data.createOrganisation.organisation.id as string;
  const other = toGlobalId("Organisation", (await makeOrganisation(app.db, { name: "Unlinked Gardens CIC" })).id);
  const missing = toGlobalId("Organisation", "00000000-0000-4000-8000-0000000000ff");
  const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { measurement { version } userErrors { field code message } } }`;
  const record = async (organisationId: string, key: string) => (await app.post(RECORD,
    { input: { organisationId, metricCode: "MEALS_PROVIDED", periodStart: "2024-01-01", periodEnd: "2024-03-31", quantity: 300 } }, key)).json;
  expect((await record(created, measureKey)).data.recordMeasurement).toEqual({ measurement: { version: 1 }, userErrors: [] });
  // Not its partner's, or not there at all: the same refusal, before anything is read.
  const refusedOther = (await record(other, measureKey)).data.recordMeasurement;
  const refusedMissing = (await record(missing, measureKey)).data.recordMeasurement;
  expect(refusedOther.userErrors).toEqual([expect.objectContaining({ field: null, code: "NOT_ALLOWED" })]);
  expect(refusedMissing).toEqual(refusedOther);
  // write:organisations alone does not record measurements.
  expect((await record(created, orgKey)).errors[0]).toMatchObject({ extensions: { code: "FORBIDDEN", requiredScope: "write:measurements" } });
  const rows = await app.db.query("SELECT count(*)::int AS n FROM impact_measurement m JOIN organisation o ON o.id = m.organisation_id WHERE o.name IN ('Partner-made Pantry CIC', 'Unlinked Gardens CIC')");
  expect(rows[0].n).toBe(1);
});
