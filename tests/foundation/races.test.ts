// Races of 50 parallel requests through the API, on money, stage moves and versions: every invariant holds whatever
// order PostgreSQL runs them in. Money: the fund is never overdrawn, an agreement never drawn or repaid beyond what it
// holds, the ledger balances, and the postings add up to exactly what the requests reported as done. Stage moves and
// versioned edits: exactly one of the racing requests wins, the others get a clear userError, and the history records
// the move once. Races need real connections: on embedded PGlite these are skipped and say why (tests/support/races.ts).
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../support/test-app";
import { raceTest } from "../support/races";
import {
  actorOf, expectLedgerBalanced, key, makeAgreement, makeApplicant, makeFund, makePanel, makeReviewedApplication, makeRound, ok, today,
} from "../support/fund-factories";
import { makeAsset, transferAt } from "../support/asset-factories";
import { makeScheme } from "../support/housing-factories";
import { makeOrganisation, SYSTEM_ADMIN } from "../support/organisation-factories";
import { toGlobalId } from "../../src/graphql/ids";
import { fundFigures, agreementBalances } from "../../src/modules/funds/ledger/figures";
import { TransferStage } from "../../src/modules/assets/assets.enums";
import type { FundingApplication } from "../../src/modules/funds/applications/application.entity";
import type { Fund } from "../../src/modules/funds/rounds/fund.entity";
import { ApplicationsService } from "../../src/modules/funds/applications/applications.service";
import { PanelService } from "../../src/modules/funds/applications/panel.service";
import { PanelStance } from "../../src/modules/funds/funds.enums";

const N = 50;

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); }, 60_000);
afterEach(async () => { await expectLedgerBalanced(app.db); });
afterAll(async () => { await app.close(); });

type Answer = { userErrors: { field: string[] | null; code: string; message: string }[] } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Runs `count` copies of a mutation at once (the i-th with `input(i)`), each answer its payload. */
async function race(mutation: string, payload: string, input: (i: number) => Record<string, unknown>, count = N): Promise<Answer[]> {
  const query = `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { ${payload} userErrors { field code message } } }`;
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => app.ok(query, { input: input(i) }, SYSTEM_ADMIN)));
  return answers.map((a) => a[mutation] as Answer);
}

const MONEY_IN = "AgreementMoneyInput";
/** Money moves on one agreement, `count` at once: disburse or recordCashRepayment. */
async function moneyRace(mutation: "disburse" | "recordCashRepayment", agreementId: string, pence: number): Promise<Answer[]> {
  const query = `mutation($input: ${MONEY_IN}!) { ${mutation}(input: $input) { movement { id amount { pence } } userErrors { field code message } } }`;
  const input = () => ({ agreementId: toGlobalId("Agreement", agreementId), amountPence: pence, occurredOn: today(), idempotencyKey: randomUUID() });
  const answers = await Promise.all(Array.from({ length: N }, () => app.ok(query, { input: input() }, SYSTEM_ADMIN)));
  return answers.map((a) => a[mutation] as Answer);
}

const done = (answers: Answer[]) => answers.filter((a) => a.userErrors.length === 0);
const refusedCodes = (answers: Answer[]) => [...new Set(answers.filter((a) => a.userErrors.length).map((a) => a.userErrors[0].code))].sort();
const reportedPence = (answers: Answer[]) => done(answers).reduce((sum, a) => sum + a.movement.amount.pence, 0);

/** The pence posted to the pool by an agreement's movements of one kind (the pool's side of each group). */
async function postedPence(agreementId: string, kind: string): Promise<number> {
  const [{ pence }] = await app.db.query(`
    SELECT coalesce(sum(p.pence), 0)::bigint AS pence FROM ledger_group g
      JOIN ledger_posting p ON p.group_id = g.id JOIN ledger_account a ON a.id = p.account_id AND a.kind = 'POOL'
    WHERE g.agreement_id = $1 AND g.kind = $2`, [agreementId, kind]);
  return Number(pence);
}

raceTest(`${N} parallel disbursements against one agreement draw exactly what it holds, and the postings match what was reported`, async () => {
  const fund = await makeFund(app.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(app.db, fund, { amountPence: 2_500_000 });
  // £1,000 each: 25 fit in the £25,000 agreement, 25 do not, whatever order they run in.
  const answers = await moneyRace("disburse", agreement.id, 100_000);
  expect(done(answers)).toHaveLength(25);
  expect(refusedCodes(answers)).toEqual(["EXCEEDS_AGREEMENT"]);
  expect(new Set(done(answers).map((a) => a.movement.id)).size).toBe(25);
  expect(reportedPence(answers)).toBe(2_500_000);
  expect(await postedPence(agreement.id, "DISBURSEMENT")).toBe(2_500_000);
  expect((await agreementBalances(app.db, [agreement.id])).get(agreement.id)).toMatchObject({ disbursedPence: 2_500_000, outstandingPence: 2_500_000 });
  expect((await fundFigures(app.db, [fund.id])).get(fund.id)).toMatchObject({ disbursedPence: 2_500_000, poolPence: 7_500_000 });
  // The agreement became ACTIVE once, by the first disbursement.
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND changes->'status'->>'after' = 'ACTIVE'", [agreement.id]);
  expect(n).toBe(1);
}, 120_000);

raceTest(`${N} parallel cash repayments against one agreement repay exactly its cash part, and the postings match what was reported`, async () => {
  const fund = await makeFund(app.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(app.db, fund, { amountPence: 2_000_000, cashRepayablePence: 1_000_000, disburse: true });
  // £400 each: 25 repay the £10,000 cash part, 25 find nothing left to repay in cash.
  const answers = await moneyRace("recordCashRepayment", agreement.id, 40_000);
  expect(done(answers)).toHaveLength(25);
  expect(refusedCodes(answers)).toEqual(["EXCEEDS_OUTSTANDING"]);
  expect(reportedPence(answers)).toBe(1_000_000);
  expect(await postedPence(agreement.id, "CASH_REPAYMENT")).toBe(1_000_000);
  expect((await agreementBalances(app.db, [agreement.id])).get(agreement.id)).toMatchObject({ repaidCashPence: 1_000_000, outstandingPence: 1_000_000 });
  // Back in the pool, ready to be awarded again: contributed − disbursed + repaid.
  expect((await fundFigures(app.db, [fund.id])).get(fund.id)).toMatchObject({ poolPence: 10_000_000 - 2_000_000 + 1_000_000, repaidCashPence: 1_000_000 });
}, 120_000);

/** `count` applications to one round of the fund, each supported by the same three-seat panel: ready for an offer. */
async function reviewedApplications(fund: Fund, count: number, requestedPence: number): Promise<FundingApplication[]> {
  const panel = await makePanel(app.db, [{}, {}, {}]);
  const round = await makeRound(app.db, fund.id, panel.panelId);
  const reviewed = async () => {
    const applicant = await makeApplicant(app.db);
    let { application } = ok(await new ApplicationsService(app.db).submit(actorOf(applicant.viewer), {
      organisationId: applicant.organisationId, fundId: fund.id, roundId: round.id, requestedPence, purpose: "A community café's kitchen", idempotencyKey: key(),
    }));
    for (const seat of panel.seats) {
      application = ok(await new PanelService(app.db).recordView(actorOf(seat.viewer), application.id, { stance: PanelStance.SUPPORT, comment: "Sound." })).application;
    }
    return application;
  };
  // Ten at a time: the set-up is not what is being raced, and one by one it would dominate the suite's time.
  const made: FundingApplication[] = [];
  while (made.length < count) made.push(...await Promise.all(Array.from({ length: Math.min(10, count - made.length) }, reviewed)));
  return made;
}

raceTest(`${N} parallel offers against one fund never award more than it has available`, async () => {
  const fund = await makeFund(app.db, { contributions: [10_000_000] });
  const reviewed = await reviewedApplications(fund, N, 500_000);
  // £5,000 each: 20 fit in the £100,000 fund, 30 would overdraw it.
  const answers = await race("decideApplication", "agreement { id amount { pence } }", (i) => ({
    applicationId: toGlobalId("FundingApplication", reviewed[i].id), expectedVersion: reviewed[i].version, outcome: "OFFER",
    reasons: "The panel supports it together.", idempotencyKey: randomUUID(),
    offer: { amountPence: 500_000, cashRepayablePence: 300_000, termMonths: 36, holidayMonths: 6, startsOn: today() },
  }));
  expect(done(answers)).toHaveLength(20);
  expect(refusedCodes(answers)).toEqual(["FUND_OVERDRAWN"]);
  const awarded = done(answers).reduce((sum, a) => sum + a.agreement.amount.pence, 0);
  expect(awarded).toBe(10_000_000);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM agreement WHERE fund_id = $1", [fund.id]);
  expect(n).toBe(20);
  expect((await fundFigures(app.db, [fund.id])).get(fund.id)).toMatchObject({ awardedPence: 10_000_000, availablePence: 0 });
}, 300_000);

raceTest(`${N} parallel decisions on one application: one offer, one agreement, one move in its history`, async () => {
  const fund = await makeFund(app.db, { contributions: [10_000_000] });
  const { application } = await makeReviewedApplication(app.db, fund, { requestedPence: 1_000_000 });
  const answers = await race("decideApplication", "application { status } agreement { id }", () => ({
    applicationId: toGlobalId("FundingApplication", application.id), expectedVersion: application.version, outcome: "OFFER",
    reasons: "The panel supports it together.", idempotencyKey: randomUUID(),
    offer: { amountPence: 1_000_000, cashRepayablePence: 600_000, termMonths: 36, holidayMonths: 6, startsOn: today() },
  }));
  expect(done(answers)).toHaveLength(1);
  expect(done(answers)[0].application.status).toBe("OFFERED");
  // The others read the version the winner replaced (or, after it, a status that takes no decision).
  expect(refusedCodes(answers).every((c) => ["STALE_VERSION", "WRONG_STATUS"].includes(c))).toBe(true);
  const [{ agreements }] = await app.db.query("SELECT count(*)::int AS agreements FROM agreement WHERE application_id = $1", [application.id]);
  expect(agreements).toBe(1);
  const [{ moves }] = await app.db.query(
    "SELECT count(*)::int AS moves FROM audit_event WHERE entity_id = $1 AND changes->'status'->>'after' = 'OFFERED'", [application.id]);
  expect(moves).toBe(1);
  expect((await fundFigures(app.db, [fund.id])).get(fund.id)).toMatchObject({ awardedPence: 1_000_000 });
}, 120_000);

raceTest(`${N} parallel completions of one asset transfer: one completes it, the asset changes hands once`, async () => {
  const asset = await makeAsset(app.db);
  const transfer = await transferAt(app.db, asset, TransferStage.HEADS_OF_TERMS);
  const answers = await race("moveAssetTransfer", "transfer { stage }", () => ({
    transferId: toGlobalId("AssetTransfer", transfer.id), expectedVersion: transfer.version, stage: "COMPLETED", on: "2025-03-01",
  }));
  expect(done(answers)).toHaveLength(1);
  expect(refusedCodes(answers)).toEqual(["STALE_VERSION"]);
  expect(done(answers)[0].userErrors).toEqual([]);
  const history = await app.db.query("SELECT stage FROM asset_transfer_stage WHERE transfer_id = $1 ORDER BY recorded_at", [transfer.id]);
  expect(history.map((h: { stage: string }) => h.stage)).toEqual(["INTEREST", "BUSINESS_CASE", "DUE_DILIGENCE", "HEADS_OF_TERMS", "COMPLETED"]);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'asset.transferred' AND entity_id = $1", [asset.id]);
  expect(n).toBe(1);
  const [row] = await app.db.query("SELECT community_holder_id AS holder, transferred_on::text AS day FROM asset WHERE id = $1", [asset.id]);
  expect(row).toEqual({ holder: transfer.toOrganisationId, day: "2025-03-01" });
}, 120_000);

raceTest(`${N} parallel stage moves of one housing scheme: one moves it, its history has the stage once`, async () => {
  const scheme = await makeScheme(app.db);
  const answers = await race("moveHousingScheme", "scheme { stage }", () => ({
    schemeId: toGlobalId("HousingScheme", scheme.id), expectedVersion: scheme.version, stage: "SITE_IDENTIFIED", on: "2024-02-01",
  }));
  expect(done(answers)).toHaveLength(1);
  expect(refusedCodes(answers)).toEqual(["STALE_VERSION"]);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM housing_scheme_stage WHERE scheme_id = $1 AND stage = 'SITE_IDENTIFIED'", [scheme.id]);
  expect(n).toBe(1);
}, 120_000);

raceTest(`${N} parallel edits of one organisation from the same version: one applies, the others are told of the conflict`, async () => {
  const organisation = await makeOrganisation(app.db);
  const answers = await race("updateOrganisation", "organisation { description version }", (i) => ({
    id: toGlobalId("Organisation", organisation.id), expectedVersion: 1, description: `Edit ${i}`,
  }));
  expect(done(answers)).toHaveLength(1);
  const stale = answers.filter((a) => a.userErrors.length);
  expect(stale).toHaveLength(N - 1);
  for (const a of stale) {
    expect(a.userErrors).toEqual([{ field: ["expectedVersion"], code: "STALE_VERSION", message: expect.stringMatching(/version 2/) }]);
  }
  const [row] = await app.db.query("SELECT description, version FROM organisation WHERE id = $1", [organisation.id]);
  expect(row).toEqual({ description: done(answers)[0].organisation.description, version: 2 });
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'organisation.update' AND entity_id = $1", [organisation.id]);
  expect(n).toBe(1);
}, 120_000);
