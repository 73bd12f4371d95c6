// Error messages describe the problem without repeating the input: a long, distinctive marker sent in every bad place
// we can think of never comes back. Names shorter than 41 characters may be repeated (a typo like "nme" helps).
import { randomBytes } from "node:crypto";
import { HttpResult, startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";

/** Distinctive, valid as a GraphQL name and as a value, and longer than any name a message may repeat. */
const CORE = `zzEcho${randomBytes(6).toString("hex")}`;
const MARKER = `${CORE}_${"x".repeat(48)}`;
const BIG = MARKER.repeat(Math.ceil(50_000 / MARKER.length));

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  token = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

const ARREARS = (asOf: string) => `{ agreements(first: 1) { nodes { arrears(asOf: ${asOf}) { daysOverdue } } } }`;
const body = (o: object) => app.http("/graphql", { body: o });
const get = (params: Record<string, string>) => app.http(`/graphql?${new URLSearchParams(params)}`);

const CASES: [string, () => Promise<HttpResult>][] = [
  ["a 50 KB invalid Date literal", () => app.post(ARREARS(JSON.stringify(BIG)))],
  ["a 50 KB invalid Date variable", () => app.post(`query($d: Date) ${ARREARS("$d")}`, { d: BIG })],
  ["an invalid DateTime variable", () => app.post("query($t: DateTime) { agreements(filter: { updatedSince: $t }) { totalCount } }", { t: MARKER })],
  ["a string as an Int literal", () => app.post(`{ places(first: "${MARKER}") { totalCount } }`)],
  ["a string as an Int variable", () => app.post("query($n: Int) { places(first: $n) { totalCount } }", { n: MARKER })],
  ["a string as a SafeInt variable", () => app.post("mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { userErrors { code } } }",
    { i: { idempotencyKey: "k", requestedPence: MARKER } }, token)],
  ["an unknown enum literal", () => app.post(`{ places(filter: { kinds: [${MARKER}] }) { totalCount } }`)],
  ["an unknown enum variable", () => app.post("query($k: [PlaceKind!]) { places(filter: { kinds: $k }) { totalCount } }", { k: [MARKER] })],
  ["an unknown field", () => app.post(`{ ${MARKER} }`)],
  ["an unknown argument", () => app.post(`{ places(${MARKER}: 1) { totalCount } }`)],
  ["an unknown variable type", () => app.post(`query($v: ${MARKER}) { places { totalCount } }`)],
  ["an unused variable", () => app.post(`query($${MARKER}: Int) { places { totalCount } }`)],
  ["an unknown fragment", () => app.post(`{ places { ...${MARKER} } }`)],
  ["an unknown operation name", () => body({ query: "query A { __typename }", operationName: MARKER })],
  ["a string where a name belongs (syntax error)", () => app.post(`{ places "${MARKER}" }`)],
  ["a short secret where a name belongs (syntax error)", () => app.post(`{ places(first: 1) "${CORE}" }`)],
  ["an unknown input field", () => app.post("mutation($i: SignInInput!) { signIn(input: $i) { token } }", { i: { email: "a", password: "b", [MARKER]: 1 } })],
  ["an input field of the wrong type", () => app.post("mutation($i: SignInInput!) { signIn(input: $i) { token } }", { i: { email: { [MARKER]: MARKER }, password: "b" } })],
  ["a malformed ID", () => app.post("query($id: ID!) { node(id: $id) { id } }", { id: MARKER })],
  ["malformed IDs in a list", () => app.post("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: [MARKER] })],
  ["a malformed ID in a mutation", () => app.post("mutation($i: OrganisationIdentifierInput!) { addOrganisationIdentifier(input: $i) { userErrors { code message } } }",
    { i: { organisationId: MARKER, identifier: MARKER } }, token)],
  ["a malformed cursor", () => app.post("query($a: String) { places(after: $a) { totalCount } }", { a: MARKER })],
  ["a persisted-query hash that is unknown", () => body({ extensions: { persistedQuery: { version: 1, sha256Hash: MARKER } } })],
  ["a persisted-query hash that does not match", () => body({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: MARKER } } })],
  ["a persisted-query version", () => body({ query: "{ __typename }", extensions: { persistedQuery: { version: MARKER } } })],
  ["GET variables that are not JSON", () => get({ query: "{ __typename }", variables: `{${MARKER}` })],
  ["a GET query that does not parse", () => get({ query: `{ "${MARKER}" }` })],
  ["an operation name of the wrong type", () => body({ query: "{ __typename }", operationName: { [MARKER]: 1 } })],
  ["a body that is not JSON", () => app.http("/graphql", { body: `{"query": "${MARKER}` })],
  ["a bearer token that is not one", () => app.http("/graphql", { body: { query: "{ viewer { id } }" }, headers: { authorization: `Bearer ${MARKER}` } })],
  ["an API key that is not one", () => app.http("/graphql", { body: { query: "{ viewer { id } }" }, headers: { authorization: `Bearer kith_${MARKER}` } })],
  ["a request id that is too long", () => app.http("/graphql", { body: { query: "{ placez }" }, headers: { "x-request-id": MARKER } })],
  ["an unknown path", () => app.http(`/${MARKER}`)],
];

test.each(CASES)("%s is refused without repeating it", async (_, send) => {
  const res = await send();
  expect(res.status).toBeLessThan(500);
  expect(res.text).not.toContain(CORE);
  expect(res.text).not.toContain("Internal error");
});

describe("identifier refusals name the field, not the identifier", () => {
  const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { field code message } } }`;
  const identifier = () => `GB-CHC-${1_000_000 + Math.floor(Math.random() * 8_999_999)}`;

  test("listed twice", async () => {
    const id = identifier();
    const res = await app.post(CREATE, { input: { name: "Echo Test Co-op", legalForm: "CIO", identifiers: [id, id] } }, token);
    expect(res.json.data.createOrganisation.userErrors).toEqual([expect.objectContaining({ field: ["identifiers", "1"], code: "DUPLICATE_IDENTIFIER" })]);
    expect(res.text).not.toContain(id.slice(7));
  });

  test("already held by another organisation", async () => {
    const id = identifier();
    const first = await app.post(CREATE, { input: { name: "Echo First CIC", legalForm: "CIO", identifiers: [id] } }, token);
    expect(first.json.data.createOrganisation.userErrors).toEqual([]);
    const res = await app.post(CREATE, { input: { name: "Echo Second CIC", legalForm: "CIO", identifiers: [id] } }, token);
    expect(res.json.data.createOrganisation.userErrors).toEqual([expect.objectContaining({ field: ["identifiers", "0"], code: "IDENTIFIER_TAKEN" })]);
    expect(res.text).not.toContain(id.slice(7));
  });
});
