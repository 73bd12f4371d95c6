// Refused mutations ask who is asking before they read, lock or compare anything (kit/records `allowedFirst`): someone
// who may not act on a record gets the same answer whether or not it exists (no NOT_FOUND, no WRONG_STATUS, no "now
// version 4"), and takes no lock on it. Checked for every mutation of that shape (applications, agreements and their
// money, asset transfers, the register and listings, housing schemes, clusters, panels, gatherings, peer support,
// impact reports, decision processes), as an anonymous caller and as a member of an unrelated organisation, against
// another organisation's records.
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { makeOrganisation } from "../support/organisation-factories";
import { raceTest } from "../support/races";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { toGlobalId } from "../../src/graphql/ids";
import { Membership } from "../../src/auth/membership.entity";
import { OrganisationRole } from "../../src/auth/roles";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";

let app: TestApp;
let stranger: string;
let admin: string;
let application: { id: string; fundId: string; roundId: string };
let cluster: string;
let theirOrganisation: string;
/** One record of each kind the mutations act on, from the demo data (another organisation's). */
const rec: Record<string, { id: string; fundId?: string; assetId?: string; clusterId?: string; panelId?: string }> = {};

/** The first row a query finds, or a failure naming what the demo data lacks. */
async function one(name: string, sql: string): Promise<void> {
  const [row] = await app.db.query(sql);
  if (!row) throw new Error(`The demo data has no ${name} for this test.`);
  rec[name] = row;
}

beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  const user = await makeUser(app.db);
  const theirs = await makeOrganisation(app.db);
  await app.db.getRepository(Membership).save({ userId: user.id, organisationId: theirs.id, role: OrganisationRole.OWNER });
  stranger = await app.signIn(user.email, TEST_PASSWORD);
  admin = await app.signIn(DEMO_USERS.admin.email, DEMO_PASSWORD);
  [application] = await app.db.query(
    "SELECT id, fund_id AS \"fundId\", round_id AS \"roundId\" FROM funding_application WHERE status IN ('SUBMITTED', 'IN_REVIEW') LIMIT 1");
  [{ id: cluster }] = await app.db.query("SELECT id FROM cluster LIMIT 1");
  theirOrganisation = theirs.id;
  await one("offer", "SELECT id, fund_id AS \"fundId\" FROM agreement WHERE status = 'OFFERED' LIMIT 1");
  await one("agreement", "SELECT id, fund_id AS \"fundId\" FROM agreement WHERE status = 'ACTIVE' LIMIT 1");
  await one("claim", "SELECT c.id, a.fund_id AS \"fundId\" FROM social_repayment_claim c JOIN agreement a ON a.id = c.agreement_id LIMIT 1");
  await one("transfer", "SELECT id, asset_id AS \"assetId\" FROM asset_transfer WHERE stage NOT IN ('COMPLETED', 'HANDED_OVER', 'WITHDRAWN') LIMIT 1");
  await one("asset", "SELECT id FROM asset WHERE owner_organisation_id IS NOT NULL LIMIT 1");
  await one("listing", "SELECT l.id, l.asset_id AS \"assetId\" FROM acv_listing l JOIN asset a ON a.id = l.asset_id WHERE l.status = 'LISTED' LIMIT 1");
  await one("scheme", "SELECT id FROM housing_scheme LIMIT 1");
  await one("need", "SELECT id FROM peer_post WHERE kind = 'NEED' AND status = 'OPEN' LIMIT 1");
  await one("post", "SELECT id FROM peer_post WHERE kind = 'OFFER' AND status = 'OPEN' LIMIT 1");
  await one("exchange", "SELECT id FROM peer_exchange LIMIT 1");
  await one("gathering", "SELECT id, cluster_id AS \"clusterId\" FROM gathering LIMIT 1");
  await one("panel", "SELECT id FROM peer_panel LIMIT 1");
  await one("panelMember", "SELECT id, panel_id AS \"panelId\" FROM peer_panel_member WHERE removed_at IS NULL LIMIT 1");
  await one("measurement", "SELECT id FROM impact_measurement LIMIT 1");
  await one("process", "SELECT id FROM decision_process LIMIT 1");
}, 120_000);
afterAll(async () => { await app.close(); });

const key = () => `k-${randomUUID()}`;
const PAST = "2025-06-30";

/**
 * Mutations on one record, by the record's global ID, and the rows (table, id) a use case would lock on it. Versions
 * are wrong on purpose: a leak would say so.
 */
const MUTATIONS: Record<string, { type: string; key: () => string; mutation: (id: string) => string; locks?: () => [string, string][] }> = {
  decideApplication: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `decideApplication(input: { applicationId: "${id}", expectedVersion: 99, outcome: DECLINE, reasons: "No.", idempotencyKey: "k-${randomUUID()}" })` },
  recordPanelView: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `recordPanelView(input: { applicationId: "${id}", stance: SUPPORT, comment: "Yes." })` },
  updateApplication: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `updateApplication(input: { applicationId: "${id}", expectedVersion: 99, purpose: "More." })` },
  withdrawApplication: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `withdrawApplication(input: { applicationId: "${id}", expectedVersion: 99 })` },
  updateCluster: { type: "Cluster", key: () => cluster, mutation: (id) => `updateCluster(input: { id: "${id}", expectedVersion: 99, name: "Ours now" })` },
  closeCluster: { type: "Cluster", key: () => cluster, mutation: (id) => `closeCluster(input: { id: "${id}", expectedVersion: 99 })` },
  recordGathering: { type: "Cluster", key: () => cluster, mutation: (id) =>
    `recordGathering(input: { clusterId: "${id}", topic: "Ours", startsAt: "2026-01-10T10:00:00Z" })` },
  // Agreements and their money: the organisation's acts, then ADMIN's.
  acceptOffer: { type: "Agreement", key: () => rec.offer.id, locks: () => [["fund", rec.offer.fundId!], ["agreement", rec.offer.id]], mutation: (id) =>
    `acceptOffer(input: { agreementId: "${id}", expectedVersion: 99 })` },
  claimSocialRepayment: { type: "Agreement", key: () => rec.agreement.id, locks: () => [["fund", rec.agreement.fundId!], ["agreement", rec.agreement.id]], mutation: (id) =>
    `claimSocialRepayment(input: { agreementId: "${id}", valuePence: 100, periodFrom: "2025-01-01", periodTo: "${PAST}", description: "Ours.", valueReason: "Ours.", idempotencyKey: "${key()}" })` },
  disburse: { type: "Agreement", key: () => rec.offer.id, mutation: (id) =>
    `disburse(input: { agreementId: "${id}", amountPence: 100, occurredOn: "${PAST}", idempotencyKey: "${key()}" })` },
  recordCashRepayment: { type: "Agreement", key: () => rec.agreement.id, mutation: (id) =>
    `recordCashRepayment(input: { agreementId: "${id}", amountPence: 100, occurredOn: "${PAST}", idempotencyKey: "${key()}" })` },
  rescheduleAgreement: { type: "Agreement", key: () => rec.agreement.id, mutation: (id) =>
    `rescheduleAgreement(input: { agreementId: "${id}", expectedVersion: 99, startsOn: "2027-01-01", termMonths: 12, holidayMonths: 0, reason: "Ours." })` },
  closeAgreement: { type: "Agreement", key: () => rec.agreement.id, mutation: (id) =>
    `closeAgreement(input: { agreementId: "${id}", expectedVersion: 99, reason: "Ours." })` },
  writeOffAgreement: { type: "Agreement", key: () => rec.agreement.id, mutation: (id) =>
    `writeOffAgreement(input: { agreementId: "${id}", expectedVersion: 99, reason: "Ours.", idempotencyKey: "${key()}" })` },
  reviewSocialRepayment: { type: "SocialRepaymentClaim", key: () => rec.claim.id, mutation: (id) =>
    `reviewSocialRepayment(input: { claimId: "${id}", expectedVersion: 99, accept: true, idempotencyKey: "${key()}" })` },
  // Community assets: transfer cases, the register, listings.
  moveAssetTransfer: { type: "AssetTransfer", key: () => rec.transfer.id, locks: () => [["asset", rec.transfer.assetId!], ["asset_transfer", rec.transfer.id]], mutation: (id) =>
    `moveAssetTransfer(input: { transferId: "${id}", expectedVersion: 99, stage: WITHDRAWN })` },
  setAssetTransferTerms: { type: "AssetTransfer", key: () => rec.transfer.id, mutation: (id) =>
    `setAssetTransferTerms(input: { transferId: "${id}", expectedVersion: 99, overage: true })` },
  updateAsset: { type: "Asset", key: () => rec.asset.id, locks: () => [["asset", rec.asset.id]], mutation: (id) =>
    `updateAsset(input: { assetId: "${id}", expectedVersion: 99, name: "Ours now" })` },
  recordAssetValuation: { type: "Asset", key: () => rec.asset.id, mutation: (id) =>
    `recordAssetValuation(input: { assetId: "${id}", amountPence: 100, basis: MARKET_VALUE, valuedOn: "${PAST}", valuer: "Us" })` },
  notifyAcvDisposal: { type: "AcvListing", key: () => rec.listing.id, locks: () => [["acv_listing", rec.listing.id], ["asset", rec.listing.assetId!]], mutation: (id) =>
    `notifyAcvDisposal(input: { listingId: "${id}", expectedVersion: 99 })` },
  recordAcvDisposal: { type: "AcvListing", key: () => rec.listing.id, mutation: (id) =>
    `recordAcvDisposal(input: { listingId: "${id}", expectedVersion: 99, disposedOn: "${PAST}", reason: "Ours." })` },
  // Community-led housing.
  moveHousingScheme: { type: "HousingScheme", key: () => rec.scheme.id, locks: () => [["housing_scheme", rec.scheme.id]], mutation: (id) =>
    `moveHousingScheme(input: { schemeId: "${id}", expectedVersion: 99, stage: COMPLETED })` },
  updateHousingScheme: { type: "HousingScheme", key: () => rec.scheme.id, mutation: (id) =>
    `updateHousingScheme(input: { schemeId: "${id}", expectedVersion: 99, name: "Ours now" })` },
  setHousingPartnership: { type: "HousingScheme", key: () => rec.scheme.id, mutation: (id) =>
    `setHousingPartnership(input: { schemeId: "${id}", expectedVersion: 99, buyBackOption: true })` },
  planHousingHomes: { type: "HousingScheme", key: () => rec.scheme.id, mutation: (id) =>
    `planHousingHomes(input: { schemeId: "${id}", expectedVersion: 99, homes: [] })` },
  recordHomesCompleted: { type: "HousingScheme", key: () => rec.scheme.id, mutation: (id) =>
    `recordHomesCompleted(input: { schemeId: "${id}", expectedVersion: 99, homes: [] })` },
  // Clusters: gatherings, panels, peer support.
  recordAttendance: { type: "Gathering", key: () => rec.gathering.id, locks: () => [["gathering", rec.gathering.id], ["cluster", rec.gathering.clusterId!]], mutation: (id) =>
    `recordAttendance(input: { gatheringId: "${id}", attendance: [{ organisationId: "${toGlobalId("Organisation", theirOrganisation)}", people: 3 }] })` },
  updatePeerPanel: { type: "PeerPanel", key: () => rec.panel.id, locks: () => [["peer_panel", rec.panel.id]], mutation: (id) =>
    `updatePeerPanel(input: { id: "${id}", expectedVersion: 99, name: "Ours now" })` },
  addPeerPanelMember: { type: "PeerPanel", key: () => rec.panel.id, mutation: (id) =>
    `addPeerPanelMember(input: { panelId: "${id}", email: "someone@example.org" })` },
  removePeerPanelMember: { type: "PeerPanelMember", key: () => rec.panelMember.id, locks: () => [["peer_panel_member", rec.panelMember.id], ["peer_panel", rec.panelMember.panelId!]], mutation: (id) =>
    `removePeerPanelMember(input: { panelMemberId: "${id}" })` },
  closePeerPost: { type: "PeerPost", key: () => rec.post.id, locks: () => [["peer_post", rec.post.id]], mutation: (id) =>
    `closePeerPost(input: { postId: "${id}" })` },
  acceptPeerMatch: { type: "PeerPost", key: () => rec.need.id, locks: () => [["peer_post", rec.need.id]], mutation: (id) =>
    `acceptPeerMatch(input: { needId: "${id}", offerId: "${toGlobalId("PeerPost", rec.post.id)}" })` },
  recordPeerExchange: { type: "PeerExchange", key: () => rec.exchange.id, locks: () => [["peer_exchange", rec.exchange.id]], mutation: (id) =>
    `recordPeerExchange(input: { exchangeId: "${id}", hoursGiven: 3, outcome: "Ours." })` },
  // Impact reports and decision processes.
  correctMeasurement: { type: "ImpactMeasurement", key: () => rec.measurement.id, locks: () => [["impact_measurement", rec.measurement.id]], mutation: (id) =>
    `correctMeasurement(input: { measurementId: "${id}", expectedVersion: 99, quantity: 1, reason: "Ours." })` },
  updateDecisionProcess: { type: "DecisionProcess", key: () => rec.process.id, locks: () => [["decision_process", rec.process.id]], mutation: (id) =>
    `updateDecisionProcess(input: { processId: "${id}", expectedVersion: 99, title: "Ours now" })` },
  openDecisionProcess: { type: "DecisionProcess", key: () => rec.process.id, mutation: (id) =>
    `openDecisionProcess(input: { processId: "${id}", expectedVersion: 99 })` },
  declareDecisionResult: { type: "DecisionProcess", key: () => rec.process.id, mutation: (id) =>
    `declareDecisionResult(input: { processId: "${id}", expectedVersion: 99, idempotencyKey: "${key()}" })` },
};

async function answer(name: string, id: string, token?: string): Promise<unknown> {
  const r = await app.run(`mutation { ${MUTATIONS[name].mutation(id)} { userErrors { field code message } } }`, {}, token);
  expect(r.errors).toBeUndefined();
  return Object.values(r.data!)[0];
}

test.each(Object.keys(MUTATIONS))("%s refuses anonymous callers and unrelated members alike, whether or not the record exists", async (name) => {
  const m = MUTATIONS[name];
  const existing = toGlobalId(m.type, m.key());
  const missing = toGlobalId(m.type, randomUUID());
  for (const token of [undefined, stranger]) {
    const [a, b] = [await answer(name, existing, token), await answer(name, missing, token)];
    expect(a).toEqual(b);
    expect(a).toEqual({ userErrors: [expect.objectContaining({ code: "NOT_ALLOWED", field: null })] });
  }
  // ADMIN may act on every record, so only ADMIN learns that one does not exist.
  expect(await answer(name, missing, admin)).toEqual({ userErrors: [expect.objectContaining({ code: "NOT_FOUND" })] });
});

/** What each use case would lock first: the fund and application for panel acts, the cluster for its managers' acts. */
const locksOf = (name: string): [string, string][] => MUTATIONS[name].locks?.()
  ?? (MUTATIONS[name].type === "Cluster" ? [["cluster", cluster]] : [["fund", application.fundId], ["funding_application", application.id]]);

/** The answer, or "blocked on a lock" when none comes within five seconds. */
const unblocked = (answer: Promise<unknown>) =>
  Promise.race([answer, new Promise((resolve) => setTimeout(() => resolve("blocked on a lock"), 5000).unref())]);

raceTest("a refused mutation takes no lock: it answers while another connection holds the rows it would lock", async () => {
  const holder = app.db.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  try {
    for (const name of Object.keys(MUTATIONS)) {
      for (const [table, id] of locksOf(name)) await holder.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
    }
    for (const name of Object.keys(MUTATIONS)) {
      for (const token of [undefined, stranger]) {
        const id = toGlobalId(MUTATIONS[name].type, MUTATIONS[name].key());
        expect([name, await unblocked(answer(name, id, token))]).toEqual([name, { userErrors: [expect.objectContaining({ code: "NOT_ALLOWED" })] }]);
      }
    }
    // Only the holder's locks are on these rows: nobody else is waiting for them (in this file's database: other test
    // files share the server and may be racing).
    const [{ waiting }] = await app.db.query(`SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE NOT l.granted AND a.datname = current_database()`);
    expect(waiting).toBe(0);
  } finally {
    await holder.rollbackTransaction();
    await holder.release();
  }
}, 60_000);
