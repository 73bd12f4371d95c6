// Peer decisions: only the round's panel records views; conflicts of interest exclude views and bar deciders; the
// panel decides together under its round's quorum and majority, and only ADMIN overrides it, with a reason; an offer becomes an agreement only within what the fund has available, even under concurrency.
import { createTestDatabase, TestDatabase } from "../../../../tests/support/test-db";
import { rowCounts } from "../../../../tests/support/row-counts";
import { actorOf, asAdmin, codes, expectLedgerBalanced, key, makeApplicant, makeFund, makePanel, makeReviewedApplication, makeRound, offer, ok, today } from "../../../../tests/support/fund-factories";
import { ApplicationsService } from "./applications.service";
import { PanelService } from "./panel.service";
import { DecisionOutcome, MajorityRule, PanelStance } from "../funds.enums";
import { makeExchange } from "../../../../tests/support/cluster-factories";
import { addMonths } from "../../../kit/calendar";
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
  const clusterNames: string[] = (await tdb.db.query("SELECT name FROM cluster WHERE id = ANY($1) ORDER BY array_position($1, id)", [made.clusterIds])).map((r: { name: string }) => r.name);
  return { fund, application, seats: made.seats, applicant: who, clusterNames };
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

/** A membership of `userId` in `organisationId` that ended `monthsAgo` months before today. */
async function leftMonthsAgo(userId: string, organisationId: string, monthsAgo: number) {
  const ended = addMonths(today(), -monthsAgo);
  await tdb.db.query(
    "INSERT INTO organisation_membership_ended (user_id, organisation_id, role, began_at, ended_at) VALUES ($1, $2, 'EDITOR', $3, $4)",
    [userId, organisationId, addMonths(ended, -24), `${ended}T12:00:00Z`],
  );
}

test("conflicts exclude by membership (now or in the last 12 months), trading and declaration, but not by a shared cluster", async () => {
  const applicant = await makeApplicant(tdb.db);
  const [neighbour, trader, oldTrader, stranger] = [await makeApplicant(tdb.db), await makeApplicant(tdb.db), await makeApplicant(tdb.db), await makeApplicant(tdb.db)];
  await makeExchange(tdb.db, applicant.organisationId, trader.organisationId, addMonths(today(), -5));
  await makeExchange(tdb.db, oldTrader.organisationId, applicant.organisationId, addMonths(today(), -13));
  // The panel is drawn from two clusters: the applicant shares the first with the neighbour and both traders.
  const { application, seats, clusterNames } = await submittedTo([
    { organisationId: applicant.organisationId }, { organisationId: neighbour.organisationId }, { organisationId: trader.organisationId },
    { organisationId: oldTrader.organisationId }, { organisationId: stranger.organisationId, cluster: 1 }, {}, {}, {},
  ], applicant);
  await leftMonthsAgo(seats[5].user.id, applicant.organisationId, 6);
  await leftMonthsAgo(seats[6].user.id, applicant.organisationId, 13);
  const views = [];
  for (const [i, s] of seats.entries()) {
    const declared = i === 7 ? { declaredConflict: "I mentor their manager." } : {};
    views.push(ok(await panel.recordView(actorOf(s.viewer), application.id, { ...view(), ...declared })).view);
  }
  expect(views.map((v) => v.conflict)).toEqual(["SAME_ORGANISATION", null, "TRADING_RELATIONSHIP", null, null, "SAME_ORGANISATION", null, "DECLARED"]);
  expect(views[1].sharedClusters).toEqual([clusterNames[0]]);
  expect(views[4].sharedClusters).toEqual([]);
  expect(views[7].conflictNote).toBe("I mentor their manager.");
});

/** An application before a panel of `n` PANEL_MEMBERs in a round with this rule, each seat recording `stances[i]` (if given). */
async function reviewedBy(stances: PanelStance[], o: { seats?: number; quorum?: number; majorityRule?: MajorityRule } = {}) {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const applicant = await makeApplicant(tdb.db);
  const made = await makePanel(tdb.db, Array.from({ length: o.seats ?? Math.max(stances.length, 1) }, () => ({})));
  const round = await makeRound(tdb.db, fund.id, made.panelId, { quorum: o.quorum, majorityRule: o.majorityRule });
  let { application } = ok(await new ApplicationsService(tdb.db).submit(actorOf(applicant.viewer), {
    organisationId: applicant.organisationId, fundId: fund.id, roundId: round.id, requestedPence: 2_000_000, purpose: "A bakery van", idempotencyKey: key(),
  }));
  for (const [i, stance] of stances.entries()) application = ok(await panel.recordView(actorOf(made.seats[i].viewer), application.id, view(stance))).application;
  return { application, seats: made.seats };
}

const decline = (application: { id: string; version: number }, actor = asAdmin, overrideReason?: string) => panel.decide(actor, application.id, {
  expectedVersion: application.version, outcome: DecisionOutcome.DECLINE, reasons: "Not this time.", overrideReason, idempotencyKey: key(),
});
const offerTerms = { amountPence: 2_000_000, cashRepayablePence: 1_000_000, termMonths: 24, holidayMonths: 0, startsOn: today() };
const award = (application: { id: string; version: number }, actor = asAdmin, overrideReason?: string) => panel.decide(actor, application.id, {
  expectedVersion: application.version, outcome: DecisionOutcome.OFFER, reasons: "The panel backs it.", offer: offerTerms, overrideReason, idempotencyKey: key(),
});
const decisionOf = async (applicationId: string) => (await tdb.db.query(
  `SELECT outcome, views_counted, views_excluded, votes_for, votes_against, abstentions, excluded_for, quorum, majority_rule, override_reason
     FROM panel_decision WHERE application_id = $1`, [applicationId]))[0];

test("a lone view cannot decide: without quorum only ADMIN decides, with a recorded reason marked as an override", async () => {
  const { application, seats } = await reviewedBy([PanelStance.SUPPORT], { seats: 3 });
  const before = await rowCounts(tdb.db);
  expect(codes(await award(application, actorOf(seats[0].viewer)))).toEqual(["NO_QUORUM"]);
  expect(codes(await award(application, actorOf(seats[1].viewer), "We are sure."))).toEqual(["NO_QUORUM"]);
  expect(codes(await award(application))).toEqual(["NO_QUORUM"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
  ok(await award(application, asAdmin, "The round closes before a third member can read it; the one view is thorough."));
  expect(await decisionOf(application.id)).toEqual({
    outcome: "OFFER", views_counted: 1, views_excluded: 0, votes_for: 1, votes_against: 0, abstentions: 0, excluded_for: [],
    quorum: 3, majority_rule: "SIMPLE_MAJORITY", override_reason: "The round closes before a third member can read it; the one view is thorough.",
  });
});

test("a decision against the majority is refused without an ADMIN override; one that follows it needs no reason", async () => {
  const S = PanelStance;
  const { application, seats } = await reviewedBy([S.SUPPORT, S.SUPPORT_WITH_CHANGES, S.DO_NOT_SUPPORT, S.ABSTAIN]);
  expect(codes(await decline(application, actorOf(seats[2].viewer)))).toEqual(["AGAINST_MAJORITY"]);
  expect(codes(await decline(application))).toEqual(["AGAINST_MAJORITY"]);
  expect(codes(await award(application, actorOf(seats[0].viewer), "Just because."))).toEqual(["NOT_AN_OVERRIDE"]);
  ok(await award(application, actorOf(seats[3].viewer)));
  expect(await decisionOf(application.id)).toMatchObject({ outcome: "OFFER", votes_for: 2, votes_against: 1, abstentions: 1, views_counted: 4, override_reason: null });

  const split = await reviewedBy([S.SUPPORT, S.DO_NOT_SUPPORT, S.SUPPORT, S.DO_NOT_SUPPORT], { majorityRule: MajorityRule.TWO_THIRDS });
  expect(codes(await award(split.application, actorOf(split.seats[0].viewer)))).toEqual(["AGAINST_MAJORITY"]);
  ok(await award(split.application, asAdmin, "Matched funding lapses this month; the board accepts the risk."));
  const decided = await decisionOf(split.application.id);
  expect(decided).toMatchObject({ outcome: "OFFER", majority_rule: "TWO_THIRDS", override_reason: "Matched funding lapses this month; the board accepts the risk." });
});

test("the decision records the tally with excluded views, and a member with a conflict cannot record it", async () => {
  const applicant = await makeApplicant(tdb.db);
  const { application, seats } = await submittedTo([{ organisationId: applicant.organisationId }, {}, {}, {}, {}], applicant);
  ok(await panel.recordView(actorOf(seats[0].viewer), application.id, view()));
  ok(await panel.recordView(actorOf(seats[4].viewer), application.id, { ...view(), declaredConflict: "My sister chairs their board." }));
  let reviewed = application;
  for (const s of seats.slice(1, 4)) reviewed = ok(await panel.recordView(actorOf(s.viewer), application.id, view(PanelStance.DO_NOT_SUPPORT))).application;
  expect(codes(await decline(reviewed, actorOf(seats[0].viewer)))).toEqual(["NOT_ALLOWED"]);
  expect(codes(await decline(reviewed, actorOf(seats[4].viewer)))).toEqual(["NOT_ALLOWED"]);
  const declined = ok(await decline(reviewed, actorOf(seats[1].viewer)));
  expect(declined).toMatchObject({ application: { status: "DECLINED" }, agreement: null });
  expect(await decisionOf(application.id)).toMatchObject({
    outcome: "DECLINE", views_counted: 3, views_excluded: 2, votes_against: 3, excluded_for: ["SAME_ORGANISATION", "DECLARED"], override_reason: null,
  });
});

test("a member whose organisation exchanged with the applicant in the last 12 months cannot decide, with or without a view", async () => {
  const applicant = await makeApplicant(tdb.db);
  const trader = await makeApplicant(tdb.db);
  const { application, seats } = await submittedTo([{ organisationId: trader.organisationId }, {}, {}, {}], applicant);
  let reviewed = application;
  for (const s of seats.slice(1)) reviewed = ok(await panel.recordView(actorOf(s.viewer), application.id, view())).application;
  // The exchange is agreed after the views: the decision finds the conflict on its own day.
  await makeExchange(tdb.db, trader.organisationId, applicant.organisationId, today());
  expect(codes(await award(reviewed, actorOf(seats[0].viewer)))).toEqual(["NOT_ALLOWED"]);
  ok(await award(reviewed, actorOf(seats[1].viewer)));
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

test("a panel member who belongs to the applicant cannot decide, even without recording a view", async () => {
  const applicant = await makeApplicant(tdb.db);
  const { application, seats } = await submittedTo([{ organisationId: applicant.organisationId }, {}], applicant);
  const reviewed = ok(await panel.recordView(actorOf(seats[1].viewer), application.id, view())).application;
  const before = await rowCounts(tdb.db);
  expect(codes(await panel.decide(actorOf(seats[0].viewer), application.id, {
    expectedVersion: reviewed.version, outcome: DecisionOutcome.OFFER, reasons: "Our own bakery deserves it.", idempotencyKey: key(),
    offer: { amountPence: 3_000_000, cashRepayablePence: 1_000_000, termMonths: 24, holidayMonths: 0, startsOn: today() },
  }))).toEqual(["NOT_ALLOWED"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
});
