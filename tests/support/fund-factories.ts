// Factories for fund tests, through the funds services so rules, ledger and audit apply; and the whole-ledger check.
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { OrganisationRole, Role } from "../../src/auth/roles";
import type { Actor, Viewer } from "../../src/auth/viewer";
import type { User } from "../../src/auth/user.entity";
import { addMonths } from "../../src/modules/funds/agreements/schedule";
import { EligibilityService } from "../../src/modules/organisations/eligibility.service";
import { RecordStoAssessmentInput } from "../../src/modules/organisations/organisations.inputs";
import { PanelsService } from "../../src/modules/clusters/panels/panels.service";
import { FundsService } from "../../src/modules/funds/rounds/funds.service";
import { ApplicationsService } from "../../src/modules/funds/applications/applications.service";
import { PanelService } from "../../src/modules/funds/applications/panel.service";
import { AgreementsService } from "../../src/modules/funds/agreements/agreements.service";
import { DisbursementsService } from "../../src/modules/funds/money/disbursements.service";
import { DecisionOutcome, MajorityRule, PanelStance } from "../../src/modules/funds/funds.enums";
import type { Fund } from "../../src/modules/funds/rounds/fund.entity";
import type { Agreement } from "../../src/modules/funds/agreements/agreement.entity";
import type { FundingApplication } from "../../src/modules/funds/applications/application.entity";
import { makeUser } from "./factories";
import { makeCluster } from "./cluster-factories";
import { makeOrganisation, SYSTEM_ADMIN, viewerWith } from "./organisation-factories";
import { londonDate } from "../../src/kit/calendar";

export const asAdmin: Actor = { viewer: SYSTEM_ADMIN, requestId: "fund-factory" };
export const actorOf = (viewer: Viewer): Actor => ({ viewer, requestId: "fund-test" });
export const today = (): string => londonDate();
export const key = (): string => randomUUID();

/** A service result's value, or the test fails with its user errors. */
export function ok<R extends object>(r: R): Exclude<R, { errors: unknown }> {
  if ("errors" in r) throw new Error(`unexpected user errors: ${JSON.stringify(r.errors)}`);
  return r as Exclude<R, { errors: unknown }>;
}

/** The user errors' codes of a result that must have been refused. */
export function codes(r: object): string[] {
  if (!("errors" in r)) throw new Error("expected user errors, got a result");
  return (r as { errors: { code: string }[] }).errors.map((e) => e.code);
}

export async function makeFund(db: DataSource, o: { name?: string; minAwardPence?: number; maxAwardPence?: number; contributions?: number[] } = {}): Promise<Fund> {
  const { fund } = ok(await new FundsService(db).createFund(asAdmin, {
    name: o.name ?? `Test Fund ${randomUUID().slice(0, 8)}`, minAwardPence: o.minAwardPence, maxAwardPence: o.maxAwardPence,
  }));
  for (const pence of o.contributions ?? []) await contribute(db, fund.id, pence);
  return fund;
}

export async function contribute(db: DataSource, fundId: string, pence: number, contributor = "Liverpool City Region Combined Authority") {
  return ok(await new FundsService(db).addContribution(asAdmin, fundId, { contributor, amountPence: pence, receivedOn: today(), idempotencyKey: key() })).contribution;
}

/** An organisation assessed as an eligible STO, with an OWNER who may act for it. */
export async function makeApplicant(db: DataSource, name?: string): Promise<{ organisationId: string; owner: User; viewer: Viewer }> {
  const organisation = await makeOrganisation(db, name ? { name } : {});
  ok(await new EligibilityService(db).record(asAdmin, organisation.id, Object.assign(new RecordStoAssessmentInput(), {
    organisationId: organisation.id, tradesForSocialPurpose: true, communityLed: true, keepsSurplusInRegion: true,
    notGrantOnlyCharity: true, doesNotExportProfit: true, reasons: "Trades locally for a social purpose.",
  })));
  const owner = await makeUser(db);
  await db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [owner.id, organisation.id]);
  return { organisationId: organisation.id, owner, viewer: viewerWith({ userId: owner.id, memberships: [[organisation.id, OrganisationRole.OWNER]] }) };
}

export interface Seat {
  user: User;
  viewer: Viewer;
  organisationId: string | null;
}

/**
 * A peer panel drawn from clusters of the seats' organisations (seats name their cluster by number, default 0); a
 * seat without an organisation is a PANEL_MEMBER sitting for none.
 */
export async function makePanel(db: DataSource, seats: { organisationId?: string | null; cluster?: number }[] = [{}]): Promise<{ panelId: string; seats: Seat[]; clusterIds: string[] }> {
  const groups = new Map<number, Set<string>>([[0, new Set()]]);
  for (const s of seats) {
    const group = groups.get(s.cluster ?? 0) ?? new Set<string>();
    if (s.organisationId) group.add(s.organisationId);
    groups.set(s.cluster ?? 0, group);
  }
  const clusterIds: string[] = [];
  for (const orgs of groups.values()) clusterIds.push(await makeCluster(db, { members: [...orgs].map((organisationId) => ({ organisationId })) }));
  const panels = new PanelsService(db);
  const { panel } = ok(await panels.create(asAdmin, { name: `Panel ${randomUUID().slice(0, 8)}`, clusterIds }));
  const made: Seat[] = [];
  for (const s of seats) {
    const user = await makeUser(db, { roles: s.organisationId ? [] : [Role.PANEL_MEMBER] });
    const memberships: [string, OrganisationRole][] = [];
    if (s.organisationId) {
      await db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'EDITOR')", [user.id, s.organisationId]);
      memberships.push([s.organisationId, OrganisationRole.EDITOR]);
    }
    ok(await panels.addMember(asAdmin, panel.id, user.email, s.organisationId ?? null));
    made.push({ user, organisationId: s.organisationId ?? null, viewer: viewerWith({ userId: user.id, roles: s.organisationId ? [] : [Role.PANEL_MEMBER], memberships }) });
  }
  return { panelId: panel.id, seats: made, clusterIds };
}

export async function makeRound(db: DataSource, fundId: string, panelId: string, o: { name?: string; opensOn?: string; closesOn?: string; quorum?: number; majorityRule?: MajorityRule } = {}) {
  return ok(await new FundsService(db).openRound(asAdmin, fundId, {
    name: o.name ?? `Round ${randomUUID().slice(0, 8)}`, opensOn: o.opensOn ?? addMonths(today(), -1), closesOn: o.closesOn ?? addMonths(today(), 1), panelId,
    quorum: o.quorum, majorityRule: o.majorityRule,
  })).round;
}

export interface OfferSpec {
  amountPence?: number;
  cashRepayablePence?: number;
  termMonths?: number;
  holidayMonths?: number;
  startsOn?: string;
}

/**
 * A submitted application reviewed by a quorum of three panel members, all taking `stance` (default SUPPORT), so the
 * panel can decide: an offer with SUPPORT, a decline with DO_NOT_SUPPORT.
 */
export async function makeReviewedApplication(db: DataSource, fund: Fund, o: { requestedPence?: number; applicantName?: string; stance?: PanelStance } = {}) {
  const applicant = await makeApplicant(db, o.applicantName);
  const panel = await makePanel(db, [{}, {}, {}]);
  const round = await makeRound(db, fund.id, panel.panelId);
  const { application } = ok(await new ApplicationsService(db).submit(actorOf(applicant.viewer), {
    organisationId: applicant.organisationId, fundId: fund.id, roundId: round.id, requestedPence: o.requestedPence ?? 2_500_000,
    purpose: "Kitchen refit so the café can open evenings", idempotencyKey: key(),
  }));
  let reviewed = application;
  for (const seat of panel.seats) {
    reviewed = ok(await new PanelService(db).recordView(actorOf(seat.viewer), application.id, {
      stance: o.stance ?? PanelStance.SUPPORT, comment: "A sound plan that keeps money local.",
    })).application;
  }
  return { application: reviewed, applicant, panel };
}

export async function offer(db: DataSource, application: FundingApplication, spec: OfferSpec = {}) {
  const amountPence = spec.amountPence ?? 2_500_000;
  return new PanelService(db).decide(asAdmin, application.id, {
    expectedVersion: application.version, outcome: DecisionOutcome.OFFER, reasons: "The panel supports it together.",
    offer: {
      amountPence, cashRepayablePence: spec.cashRepayablePence ?? Math.round(amountPence * 0.6),
      termMonths: spec.termMonths ?? 36, holidayMonths: spec.holidayMonths ?? 6, startsOn: spec.startsOn ?? today(),
    },
    idempotencyKey: key(),
  });
}

/** An agreement offered through the real flow and accepted by the organisation's owner (disbursed if asked). */
export async function makeAgreement(db: DataSource, fund: Fund, spec: OfferSpec & { disburse?: boolean; accept?: boolean; applicantName?: string } = {}) {
  const { application, applicant } = await makeReviewedApplication(db, fund, { requestedPence: spec.amountPence, applicantName: spec.applicantName });
  let agreement = ok(await offer(db, application, spec)).agreement as Agreement;
  if (spec.accept !== false) {
    agreement = ok(await new AgreementsService(db).acceptOffer(actorOf(applicant.viewer), agreement.id, { expectedVersion: agreement.version })).agreement;
  }
  if (spec.disburse) {
    agreement = ok(await new DisbursementsService(db).disburse(asAdmin, agreement.id, { amountPence: agreement.amountPence, occurredOn: today(), idempotencyKey: key() })).agreement;
  }
  return { agreement, applicant };
}

/**
 * The whole ledger, every fund: each group balances and has both sides, debits equal credits overall, no pool or
 * receivable is below zero, and every pound in each pool is accounted for by its lots.
 */
export async function expectLedgerBalanced(db: DataSource): Promise<void> {
  const unbalanced = await db.query(`
    SELECT g.id FROM ledger_group g LEFT JOIN ledger_posting p ON p.group_id = g.id GROUP BY g.id
    HAVING count(p.id) < 2 OR coalesce(sum(p.pence) FILTER (WHERE p.direction = 'DEBIT'), 0) <> coalesce(sum(p.pence) FILTER (WHERE p.direction = 'CREDIT'), 0)`);
  if (unbalanced.length) throw new Error(`unbalanced ledger groups: ${JSON.stringify(unbalanced)}`);
  const [totals] = await db.query(`SELECT coalesce(sum(pence) FILTER (WHERE direction = 'DEBIT'), 0)::bigint AS debits,
    coalesce(sum(pence) FILTER (WHERE direction = 'CREDIT'), 0)::bigint AS credits FROM ledger_posting`);
  if (totals.debits !== totals.credits) throw new Error(`ledger debits ${totals.debits} <> credits ${totals.credits}`);
  const negative = await db.query(`
    SELECT a.id, a.kind FROM ledger_account a JOIN ledger_posting p ON p.account_id = a.id WHERE a.kind IN ('POOL', 'RECEIVABLE')
    GROUP BY a.id HAVING sum(CASE p.direction WHEN 'DEBIT' THEN p.pence ELSE -p.pence END) < 0`);
  if (negative.length) throw new Error(`accounts below zero: ${JSON.stringify(negative)}`);
  const untraced = await db.query(`
    WITH pool AS (
      SELECT a.fund_id, sum(CASE p.direction WHEN 'DEBIT' THEN p.pence ELSE -p.pence END) AS pence
      FROM ledger_account a JOIN ledger_posting p ON p.account_id = a.id WHERE a.kind = 'POOL' GROUP BY a.fund_id
    ), lots AS (
      SELECT l.fund_id, sum(l.pence - coalesce((SELECT sum(x.pence) FROM fund_allocation x WHERE x.lot_id = l.id), 0)) AS pence
      FROM fund_lot l GROUP BY l.fund_id
    )
    SELECT pool.fund_id, pool.pence AS pool, lots.pence AS lots FROM pool LEFT JOIN lots ON lots.fund_id = pool.fund_id
    WHERE pool.pence IS DISTINCT FROM lots.pence`);
  if (untraced.length) throw new Error(`pool money without lineage: ${JSON.stringify(untraced)}`);
}
