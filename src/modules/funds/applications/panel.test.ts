// Peer decisions: only the round's panel records views; conflicts of interest are declared and excluded; the panel
// decides together; an offer becomes an agreement only within what the fund has available, even under concurrency.
import { createTestDatabase, TestDatabase } from "../../../../tests/support/test-db";
import { rowCounts } from "../../../../tests/support/row-counts";
import { actorOf, asAdmin, codes, expectLedgerBalanced, key, makeApplicant, makeFund, makePanel, makeReviewedApplication, makeRound, offer, ok, today } from "../../../../tests/support/fund-factories";
import { ApplicationsService } from "./applications.service";
import { PanelService } from "./panel.service";
import { DecisionOutcome, PanelStance } from "../funds.enums";
import { fundFigures } from "../ledger/figures";
import { raceTest } from "../../../../tests/support/races";

let tdb: TestDatabase;
let panel: PanelService;
beforeAll(async () => {
  tdb = await createTestDatabase();
  panel = new PanelService(tdb.db);
});
afterEach(async () => { await expectLedgerBalanced(tdb.db); });
afterAll(async () => { await tdb.drop(); });

/** A submitted application in a round whose panel has the given seats. */
async function submittedTo(seats: Parameters<typeof makePanel>[1], applicant?: Awaited<ReturnType<typeof makeApplicant>>) {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const who = applicant ?? await makeApplicant(tdb.db);
  const made = await makePanel(tdb.db, seats);
  const round = await makeRound(tdb.db, fund.id, made.panelId);
  const { application } = ok(await new ApplicationsService(tdb.db).submit(actorOf(who.viewer), {
    organisationId: who.organisationId, fundId: fund.id, roundId: round.id, requestedPence: 2_000_000, purpose: "A bakery van", idempotencyKey: key(),
  }));
  return { fund, application, seats: made.seats, applicant: who };
}

const view = (stance = PanelStance.SUPPORT) => ({ stance, comment: "Strong local demand and a clear plan to repay." });

test("a panel member's first view puts the application in review; only the round's panel records views", async () => {
  const { application, seats } = await submittedTo([{}, {}]);
  const outsider = (await makePanel(tdb.db)).seats[0];
  const before = await rowCounts(tdb.db);
  expect(codes(await panel.recordView(actorOf(outsider.viewer), application.id, view()))).toEqual(["NOT_ALLOWED"]);
  expect(codes(await panel.recordView(asAdmin, application.id, view()))).toEqual(["NOT_ALLOWED"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
  const first = ok(await panel.recordView(actorOf(seats[0].viewer), application.id, view()));
  expect(first.application.status).toBe("IN_REVIEW");
  expect(first.view).toMatchObject({ stance: "SUPPORT", conflict: null });
  const changed = ok(await panel.recordView(actorOf(seats[0].viewer), application.id, view(PanelStance.SUPPORT_WITH_CHANGES)));
  expect(changed.view).toMatchObject({ id: first.view.id, stance: "SUPPORT_WITH_CHANGES", version: 2 });
});

test("a member sitting for the applicant, or for an organisation sharing a cluster with it, has the view excluded", async () => {
  const applicant = await makeApplicant(tdb.db);
  const neighbour = await makeApplicant(tdb.db);
  const stranger = await makeApplicant(tdb.db);
  // The panel is drawn from two clusters: the applicant shares the first with the neighbour; the stranger is in the second.
  const { application, seats } = await submittedTo([
    { organisationId: applicant.organisationId }, { organisationId: neighbour.organisationId }, { organisationId: stranger.organisationId, cluster: 1 }, {},
  ], applicant);
  const views = [];
  for (const [i, s] of seats.entries()) {
    const declared = i === 3 ? { declaredConflict: "I mentor their manager." } : {};
    views.push(ok(await panel.recordView(actorOf(s.viewer), application.id, { ...view(), ...declared })).view);
  }
  expect(views.map((v) => v.conflict)).toEqual(["SAME_ORGANISATION", "SHARED_CLUSTER", null, "DECLARED"]);
  expect(views[3].conflictNote).toBe("I mentor their manager.");
});

test("the decision rests on at least one view without a conflict, and a conflicted member cannot record it", async () => {
  const applicant = await makeApplicant(tdb.db);
  const { application, seats } = await submittedTo([{ organisationId: applicant.organisationId }, {}], applicant);
  const conflicted = ok(await panel.recordView(actorOf(seats[0].viewer), application.id, view())).application;
  const decide = (actor = asAdmin, version = conflicted.version) => panel.decide(actor, application.id, {
    expectedVersion: version, outcome: DecisionOutcome.DECLINE, reasons: "Not this time.", idempotencyKey: key(),
  });
  expect(codes(await decide())).toEqual(["NO_PANEL_VIEWS"]);
  const reviewed = ok(await panel.recordView(actorOf(seats[1].viewer), application.id, view(PanelStance.DO_NOT_SUPPORT))).application;
  expect(codes(await decide(actorOf(seats[0].viewer), reviewed.version))).toEqual(["NOT_ALLOWED"]);
  const declined = ok(await decide(actorOf(seats[1].viewer), reviewed.version));
  expect(declined).toMatchObject({ application: { status: "DECLINED" }, agreement: null });
  const [decision] = await tdb.db.query("SELECT outcome, views_counted, views_excluded, reasons FROM panel_decision WHERE application_id = $1", [application.id]);
  expect(decision).toEqual({ outcome: "DECLINE", views_counted: 1, views_excluded: 1, reasons: "Not this time." });
});

test("an offer becomes an agreement with its split and its first schedule, and reserves the money", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { application } = await makeReviewedApplication(tdb.db, fund);
  const { agreement } = ok(await offer(tdb.db, application, { amountPence: 3_000_000, cashRepayablePence: 1_800_000, termMonths: 24, holidayMonths: 6 }));
  expect(agreement).toMatchObject({ status: "OFFERED", amountPence: 3_000_000, cashRepayablePence: 1_800_000, awardedOn: today(), acceptedAt: null });
  const schedules = await tdb.db.query("SELECT version, term_months, holiday_months, covers_pence FROM agreement_schedule WHERE agreement_id = $1", [agreement!.id]);
  expect(schedules).toEqual([{ version: 1, term_months: 24, holiday_months: 6, covers_pence: 1_800_000 }]);
  const [{ n, total }] = await tdb.db.query(`SELECT count(*)::int AS n, sum(i.pence)::bigint AS total FROM agreement_instalment i
    JOIN agreement_schedule s ON s.id = i.schedule_id WHERE s.agreement_id = $1`, [agreement!.id]);
  expect({ n, total }).toEqual({ n: 18, total: 1_800_000 });
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)).toMatchObject({ awardedPence: 3_000_000, availablePence: 7_000_000, poolPence: 10_000_000 });
});

test("bad offer terms are refused with user errors and nothing is written", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { application } = await makeReviewedApplication(tdb.db, fund);
  const before = await rowCounts(tdb.db);
  expect(codes(await offer(tdb.db, application, { amountPence: 2_000_000, cashRepayablePence: 2_000_001 }))).toEqual(["AMOUNT_TOO_LARGE"]);
  expect(codes(await offer(tdb.db, application, { amountPence: 2_000_000, cashRepayablePence: -1 }))).toEqual(["NEGATIVE_AMOUNT"]);
  expect(codes(await offer(tdb.db, application, { termMonths: 12, holidayMonths: 12 }))).toEqual(["HOLIDAY_TOO_LONG"]);
  expect(codes(await offer(tdb.db, application, { amountPence: 20_000_000 }))).toEqual(["AMOUNT_OUT_OF_RANGE"]);
  expect(codes(await offer(tdb.db, application, { startsOn: "2000-01-01" }))).toEqual(["TOO_EARLY"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
});

test("an offer never exceeds what the fund has available", async () => {
  const fund = await makeFund(tdb.db, { contributions: [3_000_000] });
  const first = await makeReviewedApplication(tdb.db, fund);
  ok(await offer(tdb.db, first.application, { amountPence: 2_000_000 }));
  const second = await makeReviewedApplication(tdb.db, fund);
  const r = await offer(tdb.db, second.application, { amountPence: 1_000_001 });
  expect(codes(r)).toEqual(["FUND_OVERDRAWN"]);
  expect((r as { errors: { message: string }[] }).errors[0].message).toContain("£10,000.00 available");
});

raceTest("20 concurrent offers on one fund never award more than it has available", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const reviewed = [];
  for (let i = 0; i < 20; i++) reviewed.push(await makeReviewedApplication(tdb.db, fund));
  const results = await Promise.all(reviewed.map((r) => offer(tdb.db, r.application, { amountPence: 1_000_000 })));
  expect(results.filter((r) => !("errors" in r))).toHaveLength(10);
  expect(results.filter((r) => "errors" in r).every((r) => codes(r)[0] === "FUND_OVERDRAWN")).toBe(true);
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)).toMatchObject({ awardedPence: 10_000_000, availablePence: 0 });
});
