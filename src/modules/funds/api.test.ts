// The funds API by role: who reads funds, applications, views and agreements; filters; SQL counts that do not grow
// with page size; and the schema's words.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { rowCounts } from "../../../tests/support/row-counts";
import { viewerWith, placeId, SYSTEM_ADMIN } from "../../../tests/support/organisation-factories";
import { addMonths } from "../../kit/calendar";
import { actorOf, expectLedgerBalanced, key, makeAgreement, makeFund, makeReviewedApplication, ok, today } from "../../../tests/support/fund-factories";
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import { toGlobalId } from "../../graphql/ids";
import { OrganisationsService } from "../organisations/organisations.service";
import { UpdateOrganisationInput } from "../organisations/organisations.inputs";
import { ApplicationsService } from "./applications/applications.service";
import type { Fund } from "./rounds/fund.entity";

const AGREEMENTS = `query($filter: AgreementFilter, $first: Int) { agreements(first: $first, filter: $filter) {
  totalCount nodes { id status organisation { id } fund { name } } } }`;
const PROFILE = `query($id: ID!) { node(id: $id) { ... on Organisation { agreements(first: 10) { totalCount nodes { status amount { pence } outstanding { pence } } } } } }`;
const APPLICATION = `query($id: ID!) { node(id: $id) { ... on FundingApplication { status panelViews { stance counted } decision { outcome } } } }`;

let app: TestApp;
let fund: Fund;
let first: Awaited<ReturnType<typeof makeAgreement>>;
let second: Awaited<ReturnType<typeof makeAgreement>>;
beforeAll(async () => {
  app = await startTestApp();
  fund = await makeFund(app.db, { name: "Wirral Pay It Forward", contributions: [20_000_000] });
  first = await makeAgreement(app.db, fund, { amountPence: 3_000_000, disburse: true });
  second = await makeAgreement(app.db, fund, { amountPence: 2_000_000 });
});
afterEach(async () => { await expectLedgerBalanced(app.db); });
afterAll(async () => { await app.close(); });

const orgId = (a: typeof first) => toGlobalId("Organisation", a.agreement.organisationId);

test("funds and their figures are public; a partner key needs read:funds", async () => {
  const query = "{ funds(first: 5) { nodes { name contributed { pence } awarded { pence } available { pence } } } }";
  const anonymous = await app.ok(query);
  expect(anonymous.funds.nodes).toEqual([{ name: "Wirral Pay It Forward", contributed: { pence: 20_000_000 }, awarded: { pence: 5_000_000 }, available: { pence: 15_000_000 } }]);
  const withoutScope = await app.run(query, {}, viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000001", roles: [Role.PARTNER], scopes: [ApiScope.READ_PUBLIC] }));
  expect(withoutScope.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  const partner = await app.ok(query, {}, viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000001", roles: [Role.PARTNER], scopes: [ApiScope.READ_FUNDS] }));
  expect(partner.funds.nodes).toHaveLength(1);
});

test("every agreement is read by ADMIN, ANALYST, PANEL_MEMBER and read:funds partners; members read only their own", async () => {
  for (const viewer of [
    viewerWith({ roles: [Role.ADMIN] }), viewerWith({ roles: [Role.ANALYST] }), viewerWith({ roles: [Role.PANEL_MEMBER] }),
    viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000001", roles: [Role.PARTNER], scopes: [ApiScope.READ_FUNDS] }),
  ]) {
    expect((await app.ok(AGREEMENTS, {}, viewer)).agreements.totalCount).toBe(2);
  }
  const member = viewerWith({ userId: first.applicant.owner.id, memberships: [[first.agreement.organisationId, OrganisationRole.VIEWER]] });
  const own = await app.ok(AGREEMENTS, {}, member);
  expect(own.agreements.nodes.map((a: { organisation: { id: string } }) => a.organisation.id)).toEqual([orgId(first)]);
  expect((await app.ok(AGREEMENTS, {})).agreements.totalCount).toBe(0);
  expect((await app.ok(PROFILE, { id: orgId(first) }, member)).node.agreements.nodes).toEqual([
    { status: "ACTIVE", amount: { pence: 3_000_000 }, outstanding: { pence: 3_000_000 } },
  ]);
  expect((await app.ok(PROFILE, { id: orgId(second) }, member)).node.agreements).toBeNull();
  expect((await app.ok(PROFILE, { id: orgId(first) })).node.agreements).toBeNull();
  expect((await app.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId("Agreement", second.agreement.id) }, member)).node).toBeNull();
});

test("agreements filter by fund, organisation, status, place and change time; a wrong ID in a filter is bad input", async () => {
  const admin = viewerWith({ roles: [Role.ADMIN] });
  const count = async (filter: object) => (await app.ok(AGREEMENTS, { filter }, admin)).agreements.totalCount;
  expect(await count({ fund: toGlobalId("Fund", fund.id) })).toBe(2);
  expect(await count({ organisation: orgId(second) })).toBe(1);
  expect(await count({ status: ["OFFERED"] })).toBe(1);
  expect(await count({ status: ["REPAID", "CLOSED"] })).toBe(0);
  expect(await count({ updatedSince: new Date(Date.now() + 60_000).toISOString() })).toBe(0);
  expect(await count({ updatedSince: "2020-01-01T00:00:00Z" })).toBe(2);
  const wirral = await placeId(app.db, "E08000015");
  const [{ version }] = await app.db.query("SELECT version FROM organisation WHERE id = $1", [second.agreement.organisationId]);
  ok(await new OrganisationsService(app.db).update({ viewer: admin, requestId: "t" }, second.agreement.organisationId,
    Object.assign(new UpdateOrganisationInput(), { id: orgId(second), expectedVersion: version, registeredPlaceId: wirral })));
  expect(await count({ place: toGlobalId("Place", wirral) })).toBe(1);
  const bad = await app.run(AGREEMENTS, { filter: { fund: toGlobalId("Organisation", fund.id) } }, admin);
  expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("partners page through agreements by change time, and a stale cursor of another order is refused", async () => {
  const partner = viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000001", roles: [Role.PARTNER], scopes: [ApiScope.READ_FUNDS] });
  const page = `query($after: String) { agreements(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { id updatedAt } } }`;
  const one = await app.ok(page, {}, partner);
  const two = await app.ok(page, { after: one.agreements.pageInfo.endCursor }, partner);
  expect(one.agreements.pageInfo.hasNextPage).toBe(true);
  expect(two.agreements.pageInfo.hasNextPage).toBe(false);
  expect(new Date(two.agreements.nodes[0].updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(one.agreements.nodes[0].updatedAt).getTime());
  const other = await app.run(`query($after: String) { agreements(first: 1, after: $after, orderBy: { field: AWARDED_ON }) { nodes { id } } }`,
    { after: one.agreements.pageInfo.endCursor }, partner);
  expect(other.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("the round's panel reads its submitted applications and their views; the applicant reads the decision but not the views", async () => {
  const reviewed = await makeReviewedApplication(app.db, fund);
  const id = toGlobalId("FundingApplication", reviewed.application.id);
  const asPanel = await app.ok(APPLICATION, { id }, reviewed.panel.seats[0].viewer);
  expect(asPanel.node).toEqual({ status: "IN_REVIEW", panelViews: Array(3).fill({ stance: "SUPPORT", counted: true }), decision: null });
  const asApplicant = await app.ok(APPLICATION, { id }, reviewed.applicant.viewer);
  expect(asApplicant.node).toMatchObject({ status: "IN_REVIEW", panelViews: null });
  expect((await app.ok(APPLICATION, { id }, viewerWith({ roles: [Role.ANALYST] }))).node).toBeNull();
  const list = "{ applications(first: 50) { totalCount } }";
  expect((await app.ok(list, {}, reviewed.panel.seats[0].viewer)).applications.totalCount).toBe(1);
  const { application: draft } = ok(await new ApplicationsService(app.db).draft(actorOf(reviewed.applicant.viewer), {
    organisationId: reviewed.applicant.organisationId, fundId: fund.id, requestedPence: 200_000, purpose: "Next year's plan",
  }));
  expect((await app.ok(list, {}, reviewed.panel.seats[0].viewer)).applications.totalCount).toBe(1);
  expect((await app.ok(list, {}, reviewed.applicant.viewer)).applications.totalCount).toBe(2);
  expect((await app.ok(APPLICATION, { id: toGlobalId("FundingApplication", draft.id) }, reviewed.panel.seats[0].viewer)).node).toBeNull();
});

test("only ADMIN moves money through the API; others get NOT_ALLOWED and nothing is written", async () => {
  const before = await rowCounts(app.db);
  const r = await app.ok(`mutation($input: AgreementMoneyInput!) { disburse(input: $input) { movement { id } userErrors { code } } }`, {
    input: { agreementId: toGlobalId("Agreement", second.agreement.id), amountPence: 100_000, occurredOn: "2026-01-01", idempotencyKey: key() },
  }, second.applicant.viewer);
  expect(r.disburse).toEqual({ movement: null, userErrors: [{ code: "NOT_ALLOWED" }] });
  // Money goes to agreements, never to applications (a declined one has no agreement to pay).
  const declined = await app.ok(`mutation($input: AgreementMoneyInput!) { disburse(input: $input) { movement { id } userErrors { field code } } }`, {
    input: { agreementId: toGlobalId("FundingApplication", second.agreement.applicationId), amountPence: 100_000, occurredOn: "2026-01-01", idempotencyKey: key() },
  }, viewerWith({ roles: [Role.ADMIN] }));
  expect(declined.disburse).toEqual({ movement: null, userErrors: [{ field: ["agreementId"], code: "INVALID_ID" }] });
  expect(await rowCounts(app.db)).toEqual(before);
});

test("the SQL a page of organisations with their agreements needs does not grow with the page size", async () => {
  // Named to come first in the directory, so even a one-organisation page has agreements to load.
  for (let i = 0; i < 3; i++) await makeAgreement(app.db, fund, { amountPence: 200_000, disburse: i % 2 === 0, applicantName: `Aardvark Bakery ${i}` });
  const query = `query($first: Int) { organisations(first: $first) { nodes { name agreements(first: 5) { totalCount nodes {
    status amount { pence } outstanding { pence } fund { name contributed { pence } } organisation { name } } } } } }`;
  const admin = viewerWith({ roles: [Role.ADMIN] });
  const small = await app.run(query, { first: 1 }, admin);
  const large = await app.run(query, { first: 50 }, admin);
  expect(large.errors).toBeUndefined();
  expect(large.sql).toBe(small.sql);
  const funds = `{ funds(first: 10) { nodes { contributed { pence } awarded { pence } recycled { pence } generations { generation } agreements(first: 1) { totalCount } } } }`;
  const fewFunds = await app.run(funds, {}, admin);
  await makeFund(app.db, { contributions: [100_000] });
  await makeFund(app.db, { contributions: [100_000] });
  expect((await app.run(funds, {}, admin)).sql).toBe(fewFunds.sql);
});

test("the schema never speaks of loans, capital, investors, investment or beneficiaries", () => {
  const schema = readFileSync(join(__dirname, "../../../schema.graphql"), "utf8");
  expect(schema).not.toMatch(/loan|capital|investor|investment|beneficiar/i);
});

test("a fund's figures for a period count only what moved on those days; a period that ends before it starts is refused", async () => {
  const own = await makeFund(app.db, { contributions: [5_000_000] });
  const { agreement } = await makeAgreement(app.db, own, { amountPence: 2_000_000, disburse: true });
  const q = `query($id: ID!, $from: Date!, $to: Date!) { node(id: $id) { ... on Fund {
    contributed { pence } figuresBetween(from: $from, to: $to) { from to contributed { pence } awarded { pence } disbursed { pence } repaidCash { pence } } } } }`;
  const id = toGlobalId("Fund", own.id);
  const thisYear = await app.ok(q, { id, from: addMonths(today(), -6), to: addMonths(today(), 6) }, SYSTEM_ADMIN);
  expect(thisYear.node.figuresBetween).toMatchObject({ contributed: { pence: 5_000_000 }, awarded: { pence: 2_000_000 }, disbursed: { pence: 2_000_000 }, repaidCash: { pence: 0 } });
  const lastYear = await app.ok(q, { id, from: addMonths(today(), -18), to: addMonths(today(), -7) }, SYSTEM_ADMIN);
  expect(lastYear.node).toMatchObject({ contributed: { pence: 5_000_000 }, figuresBetween: { contributed: { pence: 0 }, awarded: { pence: 0 }, disbursed: { pence: 0 } } });
  expect(agreement.status).toBe("ACTIVE");
  const backwards = await app.run(q, { id, from: today(), to: addMonths(today(), -1) }, SYSTEM_ADMIN);
  expect(backwards.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});
