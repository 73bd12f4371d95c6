// The application lifecycle: drafts, submission (eligible STOs only, into an open round, within the fund's limits),
// withdrawal before an offer, versions and idempotent submission.
import { createTestDatabase, TestDatabase } from "../../../../tests/support/test-db";
import { rowCounts } from "../../../../tests/support/row-counts";
import { makeOrganisation, viewerWith } from "../../../../tests/support/organisation-factories";
import { actorOf, asAdmin, codes, expectLedgerBalanced, key, makeApplicant, makeFund, makePanel, makeReviewedApplication, makeRound, offer, ok, today } from "../../../../tests/support/fund-factories";
import { OrganisationRole } from "../../../auth/roles";
import { addMonths } from "../agreements/schedule";
import { ApplicationsService } from "./applications.service";
import { PanelService } from "./panel.service";
import { DecisionOutcome, PanelStance } from "../funds.enums";
import { raceTest } from "../../../../tests/support/races";

let tdb: TestDatabase;
let service: ApplicationsService;
beforeAll(async () => {
  tdb = await createTestDatabase();
  service = new ApplicationsService(tdb.db);
});
afterEach(async () => { await expectLedgerBalanced(tdb.db); });
afterAll(async () => { await tdb.drop(); });

async function openFund() {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { panelId } = await makePanel(tdb.db);
  const round = await makeRound(tdb.db, fund.id, panelId);
  return { fund, round };
}

const content = { requestedPence: 2_500_000, purpose: "Kitchen refit so the café can open evenings" };

/** The refusal's codes, after checking that it wrote nothing at all (no agreement, schedule, audit or event). */
async function refusedWritingNothing(attempt: () => Promise<object>): Promise<string[]> {
  const before = await rowCounts(tdb.db);
  const r = await attempt();
  expect(await rowCounts(tdb.db)).toEqual(before);
  return codes(r);
}

test("an offered or declined application cannot be withdrawn: WRONG_STATUS, and nothing is written", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const offered = await makeReviewedApplication(tdb.db, fund);
  const { application } = ok(await offer(tdb.db, offered.application));
  expect(await refusedWritingNothing(() => service.withdraw(actorOf(offered.applicant.viewer), application.id, { expectedVersion: application.version })))
    .toEqual(["WRONG_STATUS"]);

  const declined = await makeReviewedApplication(tdb.db, fund, { stance: PanelStance.DO_NOT_SUPPORT });
  const decision = ok(await new PanelService(tdb.db).decide(asAdmin, declined.application.id, {
    expectedVersion: declined.application.version, outcome: DecisionOutcome.DECLINE, reasons: "Not this round.", idempotencyKey: key(),
  }));
  expect(await refusedWritingNothing(() => service.withdraw(actorOf(declined.applicant.viewer), declined.application.id, {
    expectedVersion: decision.application.version,
  }))).toEqual(["WRONG_STATUS"]);
});

test("a withdrawn application is never decided, reviewed or submitted again: WRONG_STATUS, and nothing is written", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const reviewed = await makeReviewedApplication(tdb.db, fund);
  const { application: withdrawn } = ok(await service.withdraw(actorOf(reviewed.applicant.viewer), reviewed.application.id, {
    expectedVersion: reviewed.application.version,
  }));
  // The offer passes every other check (the fund has the money), so only the move is refused and the agreement it
  // would have made is rolled back with it.
  expect(await refusedWritingNothing(() => offer(tdb.db, withdrawn))).toEqual(["WRONG_STATUS"]);
  expect(await refusedWritingNothing(() => new PanelService(tdb.db).decide(asAdmin, withdrawn.id, {
    expectedVersion: withdrawn.version, outcome: DecisionOutcome.DECLINE, reasons: "Too late.", idempotencyKey: key(),
  }))).toEqual(["WRONG_STATUS"]);
  expect(await refusedWritingNothing(() => new PanelService(tdb.db).recordView(actorOf(reviewed.panel.seats[0].viewer), withdrawn.id, {
    stance: PanelStance.SUPPORT, comment: "Changed my mind.",
  }))).toEqual(["WRONG_STATUS"]);

  const open = await openFund();
  const applicant = await makeApplicant(tdb.db);
  const { application: draft } = ok(await service.draft(actorOf(applicant.viewer), { organisationId: applicant.organisationId, fundId: open.fund.id, ...content }));
  const { application: withdrawnDraft } = ok(await service.withdraw(actorOf(applicant.viewer), draft.id, { expectedVersion: draft.version }));
  expect(await refusedWritingNothing(() => service.submit(actorOf(applicant.viewer), {
    applicationId: withdrawnDraft.id, expectedVersion: withdrawnDraft.version, idempotencyKey: key(),
  }))).toEqual(["WRONG_STATUS"]);
});

test("an eligible STO submits in one step into the fund's open round, and the moves are audited", async () => {
  const { fund, round } = await openFund();
  const applicant = await makeApplicant(tdb.db);
  const { application } = ok(await service.submit(actorOf(applicant.viewer), {
    organisationId: applicant.organisationId, fundId: fund.id, ...content, idempotencyKey: key(),
  }));
  expect(application).toMatchObject({ status: "SUBMITTED", roundId: round.id, requestedPence: 2_500_000, version: 2 });
  const events = await tdb.db.query("SELECT action, changes FROM audit_event WHERE entity_id = $1 ORDER BY id", [application.id]);
  expect(events.map((e: { action: string }) => e.action)).toEqual(["application.draft", "application.move"]);
  expect(events[1].changes.status).toEqual({ before: "DRAFT", after: "SUBMITTED" });
});

test("a draft is changed with its version and submitted as it stands", async () => {
  const { fund } = await openFund();
  const applicant = await makeApplicant(tdb.db);
  const actor = actorOf(applicant.viewer);
  const { application: draft } = ok(await service.draft(actor, { organisationId: applicant.organisationId, fundId: fund.id, ...content }));
  expect(draft.status).toBe("DRAFT");
  const { application: changed } = ok(await service.update(actor, draft.id, { expectedVersion: draft.version, requestedPence: 3_000_000 }));
  expect(codes(await service.update(actor, draft.id, { expectedVersion: draft.version, purpose: "Late" }))).toEqual(["STALE_VERSION"]);
  expect(codes(await service.submit(actor, { applicationId: draft.id, expectedVersion: changed.version, purpose: "Sneaky", idempotencyKey: key() }))).toEqual(["DRAFT_FIELD"]);
  const { application } = ok(await service.submit(actor, { applicationId: draft.id, expectedVersion: changed.version, idempotencyKey: key() }));
  expect(application).toMatchObject({ status: "SUBMITTED", requestedPence: 3_000_000 });
  expect(codes(await service.update(actor, draft.id, { expectedVersion: application.version, purpose: "Too late" }))).toEqual(["WRONG_STATUS"]);
});

test("an organisation that is not an eligible STO cannot submit, and nothing is written", async () => {
  const { fund } = await openFund();
  const organisation = await makeOrganisation(tdb.db);
  const viewer = viewerWith({ userId: null, memberships: [[organisation.id, OrganisationRole.OWNER]] });
  const before = await rowCounts(tdb.db);
  const r = await service.submit(actorOf(viewer), { organisationId: organisation.id, fundId: fund.id, ...content, idempotencyKey: key() });
  expect(codes(r)).toEqual(["NOT_ELIGIBLE"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
});

test("amounts outside the fund's limits, and negative or fractional pence, are refused", async () => {
  const { fund } = await openFund();
  const applicant = await makeApplicant(tdb.db);
  const submit = (requestedPence: number) => service.submit(actorOf(applicant.viewer), {
    organisationId: applicant.organisationId, fundId: fund.id, requestedPence, purpose: "Van", idempotencyKey: key(),
  });
  expect(codes(await submit(99_999))).toEqual(["AMOUNT_TOO_SMALL"]);
  expect(codes(await submit(10_000_001))).toEqual(["AMOUNT_TOO_LARGE"]);
  expect(codes(await submit(-1))).toEqual(["NEGATIVE_AMOUNT"]);
  expect(codes(await submit(150_000.5))).toEqual(["NOT_WHOLE_PENCE"]);
  const small = await makeFund(tdb.db, { minAwardPence: 50_000, maxAwardPence: 200_000 });
  await makeRound(tdb.db, small.id, (await makePanel(tdb.db)).panelId);
  const r = await service.submit(actorOf(applicant.viewer), { organisationId: applicant.organisationId, fundId: small.id, requestedPence: 60_000, purpose: "Till", idempotencyKey: key() });
  expect(ok(r).application.requestedPence).toBe(60_000);
});

test("nobody but the organisation's owners and editors applies for it", async () => {
  const { fund } = await openFund();
  const applicant = await makeApplicant(tdb.db);
  const viewerOnly = viewerWith({ userId: null, memberships: [[applicant.organisationId, OrganisationRole.VIEWER]] });
  expect(codes(await service.submit(actorOf(viewerOnly), { organisationId: applicant.organisationId, fundId: fund.id, ...content, idempotencyKey: key() }))).toEqual(["NOT_ALLOWED"]);
  expect(codes(await service.draft(actorOf(viewerWith()), { organisationId: applicant.organisationId, fundId: fund.id, ...content }))).toEqual(["NOT_ALLOWED"]);
});

test("applications go only into a round taking them today", async () => {
  const fund = await makeFund(tdb.db);
  const applicant = await makeApplicant(tdb.db);
  const submit = (roundId?: string) => service.submit(actorOf(applicant.viewer), {
    organisationId: applicant.organisationId, fundId: fund.id, roundId, ...content, idempotencyKey: key(),
  });
  expect(codes(await submit())).toEqual(["NO_OPEN_ROUND"]);
  const { panelId } = await makePanel(tdb.db);
  const later = await makeRound(tdb.db, fund.id, panelId, { opensOn: addMonths(today(), 1), closesOn: addMonths(today(), 2) });
  expect(codes(await submit(later.id))).toEqual(["ROUND_NOT_OPEN"]);
  const now = await makeRound(tdb.db, fund.id, panelId, { opensOn: today(), closesOn: today() });
  expect(ok(await submit()).application.roundId).toBe(now.id);
});

raceTest("one key submits once: a replay returns the same application, other input under the key is refused", async () => {
  const { fund } = await openFund();
  const applicant = await makeApplicant(tdb.db);
  const k = key();
  const input = { organisationId: applicant.organisationId, fundId: fund.id, ...content, idempotencyKey: k };
  const results = await Promise.all(Array.from({ length: 5 }, () => service.submit(actorOf(applicant.viewer), input)));
  expect(new Set(results.map((r) => ok(r).application.id)).size).toBe(1);
  expect(codes(await service.submit(actorOf(applicant.viewer), { ...input, requestedPence: 2_500_001 }))).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
  const [{ n }] = await tdb.db.query("SELECT count(*)::int AS n FROM funding_application WHERE organisation_id = $1", [applicant.organisationId]);
  expect(n).toBe(1);
});

test("the applicant withdraws at any point before an offer, never after", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const reviewed = await makeReviewedApplication(tdb.db, fund);
  const actor = actorOf(reviewed.applicant.viewer);
  expect(reviewed.application.status).toBe("IN_REVIEW");
  expect(ok(await service.withdraw(actor, reviewed.application.id, { expectedVersion: reviewed.application.version })).application.status).toBe("WITHDRAWN");

  const offered = await makeReviewedApplication(tdb.db, fund);
  const { application } = ok(await offer(tdb.db, offered.application));
  const r = await service.withdraw(actorOf(offered.applicant.viewer), application.id, { expectedVersion: application.version });
  expect(codes(r)).toEqual(["WRONG_STATUS"]);
  expect((r as { errors: { message: string }[] }).errors[0].message).toContain("OFFERED");
});
