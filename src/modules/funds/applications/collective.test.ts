// Collective applications: a lead with partner STOs, each consenting for itself; submission waits for every partner;
// the agreement records them all and their members read it; conflicts of interest consider every partner.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { rowCounts } from "../../../../tests/support/row-counts";
import { makeOrganisation, viewerWith } from "../../../../tests/support/organisation-factories";
import { makeUser } from "../../../../tests/support/factories";
import {
  actorOf, codes, expectLedgerBalanced, key, makeApplicant, makeFund, makePanel, makeRound, offer, ok,
} from "../../../../tests/support/fund-factories";
import { OrganisationRole, Role } from "../../../auth/roles";
import type { Viewer } from "../../../auth/viewer";
import { toGlobalId } from "../../../graphql/ids";
import { ConflictOfInterest, DecisionOutcome, PanelStance, PartnerConsent } from "../funds.enums";
import type { Fund } from "../rounds/fund.entity";
import type { FundingApplication } from "./application.entity";
import { ApplicationsService } from "./applications.service";
import { ApplicationPartnersService } from "./partners.service";
import { PanelService } from "./panel.service";
import { raceTest } from "../../../../tests/support/races";

let app: TestApp;
let fund: Fund;
let applications: ApplicationsService;
let partners: ApplicationPartnersService;
beforeAll(async () => {
  app = await startTestApp();
  fund = await makeFund(app.db, { name: "Collective Fund", contributions: [50_000_000] });
  applications = new ApplicationsService(app.db);
  partners = new ApplicationPartnersService(app.db);
});
afterEach(async () => { await expectLedgerBalanced(app.db); });
afterAll(async () => { await app.close(); });

type Applicant = Awaited<ReturnType<typeof makeApplicant>>;

/** A member of `organisationId` in `role` (a real user, so panels and sign-ins work). */
async function memberOf(organisationId: string, role: OrganisationRole): Promise<Viewer> {
  const user = await makeUser(app.db);
  await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, $3)", [user.id, organisationId, role]);
  return viewerWith({ userId: user.id, memberships: [[organisationId, role]] });
}

/** A draft by a new lead STO in a new round (panel of three PANEL_MEMBERs unless seats are given), with `count` partners invited. */
async function collectiveDraft(o: { count?: number; partnerIds?: string[]; seats?: { organisationId?: string | null }[] } = {}) {
  const lead = await makeApplicant(app.db);
  const invited: Applicant[] = [];
  for (let i = 0; i < (o.count ?? 2); i++) invited.push(await makeApplicant(app.db));
  const panel = await makePanel(app.db, o.seats ?? [{}, {}, {}]);
  const round = await makeRound(app.db, fund.id, panel.panelId);
  let { application } = ok(await applications.draft(actorOf(lead.viewer), {
    organisationId: lead.organisationId, fundId: fund.id, roundId: round.id, requestedPence: 3_000_000,
    purpose: "A shared retrofit crew across three neighbourhoods.",
  }));
  for (const organisationId of [...invited.map((p) => p.organisationId), ...(o.partnerIds ?? [])]) {
    application = ok(await partners.add(actorOf(lead.viewer), application.id, { organisationId, expectedVersion: application.version })).application;
  }
  return { lead, invited, panel, application };
}

async function consentAll(application: FundingApplication, invited: Applicant[], consent = PartnerConsent.CONSENTED): Promise<FundingApplication> {
  let current = application;
  for (const p of invited) {
    current = ok(await partners.respond(actorOf(p.viewer), current.id, { organisationId: p.organisationId, consent, expectedVersion: current.version })).application;
  }
  return current;
}

const submitDraft = (lead: Applicant, application: FundingApplication) =>
  applications.submit(actorOf(lead.viewer), { applicationId: application.id, expectedVersion: application.version, idempotencyKey: key() });

/** The refusal's codes, after checking it wrote nothing at all. */
async function refusedWritingNothing(attempt: () => Promise<object>): Promise<string[]> {
  const before = await rowCounts(app.db);
  const r = await attempt();
  expect(await rowCounts(app.db)).toEqual(before);
  return codes(r);
}

/** A collective application through consent, submission, three supporting views and an offer, with its agreement. */
async function collectiveAgreement() {
  const draft = await collectiveDraft();
  const consented = await consentAll(draft.application, draft.invited);
  let { application } = ok(await submitDraft(draft.lead, consented));
  for (const seat of draft.panel.seats) {
    application = ok(await new PanelService(app.db).recordView(actorOf(seat.viewer), application.id, { stance: PanelStance.SUPPORT, comment: "Three together." })).application;
  }
  const { agreement } = ok(await offer(app.db, application, { amountPence: 3_000_000 }));
  return { ...draft, application, agreement: agreement! };
}

test("a collective application is submitted only once every partner has consented", async () => {
  const { lead, invited, application } = await collectiveDraft();
  expect(await refusedWritingNothing(() => submitDraft(lead, application))).toEqual(["PARTNER_CONSENT_MISSING"]);
  const one = ok(await partners.respond(actorOf(invited[0].viewer), application.id, {
    organisationId: invited[0].organisationId, consent: PartnerConsent.CONSENTED, expectedVersion: application.version,
  })).application;
  expect(await refusedWritingNothing(() => submitDraft(lead, one))).toEqual(["PARTNER_CONSENT_MISSING"]);
  const both = await consentAll(one, invited.slice(1));
  expect(ok(await submitDraft(lead, both)).application.status).toBe("SUBMITTED");
});

test("a declined partner blocks submission until the lead removes it", async () => {
  const { lead, invited, application } = await collectiveDraft();
  const answered = await consentAll(await consentAll(application, [invited[0]]), [invited[1]], PartnerConsent.DECLINED);
  expect(await refusedWritingNothing(() => submitDraft(lead, answered))).toEqual(["PARTNER_DECLINED"]);
  const without = ok(await partners.remove(actorOf(lead.viewer), answered.id, { organisationId: invited[1].organisationId, expectedVersion: answered.version })).application;
  expect(ok(await submitDraft(lead, without)).application.status).toBe("SUBMITTED");
});

test("a partner that is not an eligible STO is refused at submission, however it consented", async () => {
  const notSto = await makeOrganisation(app.db);
  const owner = await memberOf(notSto.id, OrganisationRole.OWNER);
  const { lead, invited, application } = await collectiveDraft({ count: 1, partnerIds: [notSto.id] });
  let current = await consentAll(application, invited);
  current = ok(await partners.respond(actorOf(owner), current.id, { organisationId: notSto.id, consent: PartnerConsent.CONSENTED, expectedVersion: current.version })).application;
  expect(await refusedWritingNothing(() => submitDraft(lead, current))).toEqual(["PARTNER_NOT_ELIGIBLE"]);
});

test("only a partner's owners and editors answer for it; the lead and its viewers cannot", async () => {
  const { lead, invited, application } = await collectiveDraft({ count: 1 });
  const partner = invited[0].organisationId;
  const answer = (viewer: Viewer) => partners.respond(actorOf(viewer), application.id, { organisationId: partner, consent: PartnerConsent.CONSENTED, expectedVersion: application.version });
  expect(await refusedWritingNothing(() => answer(lead.viewer))).toEqual(["NOT_ALLOWED"]);
  const partnerViewer = await memberOf(partner, OrganisationRole.VIEWER);
  expect(await refusedWritingNothing(() => answer(partnerViewer))).toEqual(["NOT_ALLOWED"]);
  // An organisation that was not invited is told the same as one that was.
  const stranger = await makeApplicant(app.db);
  expect(await refusedWritingNothing(() => partners.respond(actorOf(stranger.viewer), application.id, {
    organisationId: stranger.organisationId, consent: PartnerConsent.CONSENTED, expectedVersion: application.version,
  }))).toEqual(["NOT_ALLOWED"]);
  ok(await answer(await memberOf(partner, OrganisationRole.EDITOR)));
  expect(await app.db.query("SELECT consent, responded_at IS NOT NULL AS answered FROM funding_application_partner WHERE application_id = $1", [application.id]))
    .toEqual([{ consent: "CONSENTED", answered: true }]);
});

test("the lead's editors choose partners while the application is a draft; the lead is never its own partner", async () => {
  const { lead, invited, application } = await collectiveDraft({ count: 1 });
  const add = (organisationId: string, version = application.version, viewer = lead.viewer) =>
    partners.add(actorOf(viewer), application.id, { organisationId, expectedVersion: version });
  expect(await refusedWritingNothing(() => add(lead.organisationId))).toEqual(["LEAD_NOT_PARTNER"]);
  expect(await refusedWritingNothing(() => add(invited[0].organisationId))).toEqual(["ALREADY_PARTNER"]);
  expect(await refusedWritingNothing(() => add(invited[0].organisationId, application.version - 1))).toEqual(["STALE_VERSION"]);
  const other = await makeApplicant(app.db);
  expect(await refusedWritingNothing(() => add(other.organisationId, application.version, invited[0].viewer))).toEqual(["NOT_ALLOWED"]);
  const submitted = ok(await submitDraft(lead, await consentAll(application, invited))).application;
  expect(await refusedWritingNothing(() => add(other.organisationId, submitted.version))).toEqual(["WRONG_STATUS"]);
});

test("changing a draft asks its partners again", async () => {
  const { lead, invited, application } = await collectiveDraft({ count: 1 });
  const consented = await consentAll(application, invited);
  const changed = ok(await applications.update(actorOf(lead.viewer), consented.id, { expectedVersion: consented.version, purpose: "A bigger crew." })).application;
  expect(await refusedWritingNothing(() => submitDraft(lead, changed))).toEqual(["PARTNER_CONSENT_MISSING"]);
});

test("a panel member who belongs to a partner is excluded and may not decide, as for the lead", async () => {
  const partnerOrg = await makeApplicant(app.db);
  const { lead, invited, panel, application } = await collectiveDraft({
    count: 1, partnerIds: [partnerOrg.organisationId], seats: [{}, {}, {}, { organisationId: partnerOrg.organisationId }],
  });
  let current = await consentAll(application, [...invited, partnerOrg]);
  current = ok(await submitDraft(lead, current)).application;
  const views = new PanelService(app.db);
  for (const seat of panel.seats) {
    const { view, application: reviewed } = ok(await views.recordView(actorOf(seat.viewer), current.id, { stance: PanelStance.SUPPORT, comment: "Sound." }));
    expect(view.conflict).toBe(seat.organisationId ? ConflictOfInterest.SAME_ORGANISATION : null);
    current = reviewed;
  }
  const conflicted = panel.seats[3];
  expect(await refusedWritingNothing(() => views.decide(actorOf(conflicted.viewer), current.id, {
    expectedVersion: current.version, outcome: DecisionOutcome.DECLINE, reasons: "No.", idempotencyKey: key(),
  }))).toEqual(["NOT_ALLOWED"]);
  const decided = ok(await offer(app.db, current, { amountPence: 3_000_000 }));
  const [decision] = await app.db.query("SELECT views_counted, excluded_for FROM panel_decision WHERE application_id = $1", [decided.application.id]);
  expect(decision).toEqual({ views_counted: 3, excluded_for: [ConflictOfInterest.SAME_ORGANISATION] });
});

const AGREEMENT = `query($id: ID!) { node(id: $id) { ... on Agreement { organisation { id } partners { id name } application { partners { consent organisation { id } } } } } }`;
const AGREEMENTS = `query($org: ID) { agreements(first: 20, filter: { organisation: $org }) { nodes { id } } }`;
const PROFILE = `query($id: ID!) { node(id: $id) { ... on Organisation { agreements(first: 10) { nodes { id } } } } }`;

test("every partner's members read the agreement and the application; strangers do not", async () => {
  const { lead, invited, agreement } = await collectiveAgreement();
  const id = toGlobalId("Agreement", agreement.id);
  const partnerIds = invited.map((p) => toGlobalId("Organisation", p.organisationId)).sort();
  for (const p of invited) {
    const viewer = await memberOf(p.organisationId, OrganisationRole.VIEWER);
    const { node } = await app.ok(AGREEMENT, { id }, viewer);
    expect(node.organisation.id).toBe(toGlobalId("Organisation", lead.organisationId));
    expect(node.partners.map((o: { id: string }) => o.id).sort()).toEqual(partnerIds);
    expect(node.application.partners.map((x: { consent: string }) => x.consent)).toEqual(["CONSENTED", "CONSENTED"]);
    expect((await app.ok(AGREEMENTS, {}, viewer)).agreements.nodes).toEqual([{ id }]);
    const orgId = toGlobalId("Organisation", p.organisationId);
    expect((await app.ok(AGREEMENTS, { org: orgId }, viewerWith({ roles: [Role.ADMIN] }))).agreements.nodes).toEqual([{ id }]);
    expect((await app.ok(PROFILE, { id: orgId }, viewer)).node.agreements.nodes).toEqual([{ id }]);
  }
  const stranger = (await makeApplicant(app.db)).viewer;
  expect((await app.ok(AGREEMENT, { id }, stranger)).node).toBeNull();
  expect((await app.ok(AGREEMENTS, {}, stranger)).agreements.nodes).toEqual([]);
  expect((await app.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId("FundingApplication", agreement.applicationId) }, stranger)).node).toBeNull();
});

test("an invited partner reads the draft it is asked to consent to", async () => {
  const { invited, application } = await collectiveDraft({ count: 1 });
  const viewer = await memberOf(invited[0].organisationId, OrganisationRole.VIEWER);
  const read = await app.ok(`{ applications(first: 10) { nodes { id status partners { consent } } } }`, {}, viewer);
  expect(read.applications.nodes).toEqual([{ id: toGlobalId("FundingApplication", application.id), status: "DRAFT", partners: [{ consent: "INVITED" }] }]);
});

test("the SQL for agreements with their partners does not grow with the page size", async () => {
  for (let i = 0; i < 3; i++) await collectiveAgreement();
  const query = `query($first: Int) { agreements(first: $first) { nodes { id partners { name } organisation { name }
    application { partners { consent organisation { name } } } } } }`;
  const admin = viewerWith({ roles: [Role.ADMIN] });
  const small = await app.run(query, { first: 1 }, admin);
  const large = await app.run(query, { first: 50 }, admin);
  expect(large.errors).toBeUndefined();
  expect((large.data!.agreements.nodes as { partners: unknown[] }[]).filter((a) => a.partners.length === 2).length).toBeGreaterThanOrEqual(3);
  expect(large.sql).toBe(small.sql);
});

test("a decision's event names the partners", async () => {
  const { agreement, invited } = await collectiveAgreement();
  const [event] = await app.db.query("SELECT data FROM domain_event WHERE type = 'application.decided' AND subject_id = $1", [agreement.applicationId]);
  expect([...event.data.partnerOrganisationIds].sort()).toEqual(invited.map((p) => p.organisationId).sort());
});

raceTest("50 at once, a partner declining and the lead submitting: one wins, and nothing is submitted with a declined partner", async () => {
  const { lead, invited, application } = await collectiveDraft();
  const consented = await consentAll(application, invited);
  const [, second] = invited;
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2
    ? partners.respond(actorOf(second.viewer), consented.id, { organisationId: second.organisationId, consent: PartnerConsent.DECLINED, expectedVersion: consented.version })
    : submitDraft(lead, consented))));
  expect(results.filter((r) => !("errors" in r))).toHaveLength(1);
  expect(new Set(results.flatMap((r) => ("errors" in r ? codes(r) : [])))).toEqual(new Set(["STALE_VERSION"]));
  const [state] = await app.db.query(`SELECT a.status, array_agg(p.consent ORDER BY p.consent) AS consents FROM funding_application a
    JOIN funding_application_partner p ON p.application_id = a.id WHERE a.id = $1 GROUP BY a.status`, [consented.id]);
  expect([
    { status: "SUBMITTED", consents: ["CONSENTED", "CONSENTED"] },
    { status: "DRAFT", consents: ["CONSENTED", "DECLINED"] },
  ]).toContainEqual(state);
}, 60_000);
