// The scale generator's part: one agreement per 50 organisations, in funds of up to 100 agreements, each made through
// the funds services (offer, acceptance, disbursement, some repayments) so the ledger and lineage are real.
import { randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { AuthService } from "../../auth/auth.service";
import { organisationsApi } from "../organisations/organisations.api";
import { StoStatus } from "../organisations/organisation.enums";
import { must, seededRandom } from "../../demo/seeding";
import { FundsService } from "./rounds/funds.service";
import { ApplicationsService } from "./applications/applications.service";
import { PanelService } from "./applications/panel.service";
import { AgreementsService } from "./agreements/agreements.service";
import { DisbursementsService } from "./money/disbursements.service";
import { RepaymentsService } from "./money/repayments.service";
import { DecisionOutcome, PanelStance } from "./funds.enums";
import { addMonths } from "./agreements/schedule";
import { clustersApi } from "../clusters/clusters.api";

const ORGANISATIONS_PER_AGREEMENT = 50;
/** Keeps each fund's ledger the size of a real one, so every figure stays a small sum. */
const AGREEMENTS_PER_FUND = 100;
const AWARDED_ON = "2025-01-15";
const DISBURSED_ON = "2025-02-01";

/** Generated rounds keep the default quorum, so each decision rests on this many views. */
const PANEL_SIZE = 3;

/** A panel to decide the generated rounds: a quorum of PANEL_MEMBERs drawn from an open cluster (none: no funds are generated). */
async function scalePanel(m: EntityManager, admin: Actor, tag: string): Promise<{ panelId: string; members: Actor[] } | null> {
  const clusterId = await clustersApi.firstOpenClusterId(m);
  if (!clusterId) return null;
  const users = [];
  for (let i = 0; i < PANEL_SIZE; i++) {
    users.push(await AuthService.createUser(m, {
      email: `scale-panel-${tag}-${i}@example.invalid`, password: randomBytes(24).toString("base64url"),
      displayName: "Generated panel member", roles: [Role.PANEL_MEMBER],
    }));
  }
  const { panelId } = must(await clustersApi.createPanel(m, admin, {
    name: `Generated panel ${tag}`, clusterIds: [clusterId], members: users.map((u) => ({ email: u.email, organisationId: null })),
  }));
  const members = users.map((u): Actor => ({ viewer: { userId: u.id, apiKeyId: null, roles: new Set([Role.PANEL_MEMBER]), memberships: new Map(), scopes: null }, requestId: "scale" }));
  return { panelId, members };
}

export async function generateScaleFunds(m: EntityManager, count: number, seed: number): Promise<number> {
  const rnd = seededRandom(seed + 2);
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "scale" };
  const applicants = (await organisationsApi.listActive(m)).filter((o) => o.stoStatus === StoStatus.ELIGIBLE);
  const wanted = Math.min(Math.ceil(count / ORGANISATIONS_PER_AGREEMENT), applicants.length);
  // Numbered after what exists, so names stay unique when the generator runs again.
  const [{ existing }] = await m.query("SELECT count(*)::int AS existing FROM fund");
  const seat = wanted ? await scalePanel(m, admin, `${seed}-${existing}`) : null;
  if (!seat) return 0;
  const day = (d: string) => () => d;
  let made = 0;
  for (let fundNumber = 0; made < wanted; fundNumber++) {
    const batch = Math.min(AGREEMENTS_PER_FUND, wanted - made);
    const funds = new FundsService(m, day("2024-12-01"));
    const { fund } = must(await funds.createFund(admin, { name: `Generated fund ${seed}-${existing + fundNumber}` }));
    must(await funds.addContribution(admin, fund.id, { contributor: "Generated contributor", amountPence: batch * 10_000_000, receivedOn: "2024-12-01", idempotencyKey: `scale-${fund.id}` }));
    const { round } = must(await funds.openRound(admin, fund.id, { name: "Generated round", opensOn: "2024-12-01", closesOn: "2024-12-31", panelId: seat.panelId }));
    for (let i = 0; i < batch; i++, made++) {
      const amountPence = 100_000 * (10 + Math.floor(rnd() * 90));
      const { application } = must(await new ApplicationsService(m, day("2024-12-10")).submit(admin, {
        organisationId: applicants[made].id, fundId: fund.id, roundId: round.id, requestedPence: amountPence, purpose: "Generated for load testing.", idempotencyKey: `scale-${fund.id}-${i}-a`,
      }));
      const panel = new PanelService(m, day(AWARDED_ON));
      let reviewed = application;
      for (const member of seat.members) reviewed = must(await panel.recordView(member, application.id, { stance: PanelStance.SUPPORT, comment: "Generated view." })).application;
      const cashRepayablePence = Math.round(amountPence * (0.5 + rnd() / 2));
      const { agreement } = must(await panel.decide(seat.members[0], application.id, {
        expectedVersion: reviewed.version, outcome: DecisionOutcome.OFFER, reasons: "Generated decision.", idempotencyKey: `scale-${fund.id}-${i}-d`,
        offer: { amountPence, cashRepayablePence, termMonths: 24 + Math.floor(rnd() * 25), holidayMonths: Math.floor(rnd() * 7), startsOn: AWARDED_ON },
      }));
      const accepted = must(await new AgreementsService(m, day(AWARDED_ON)).acceptOffer(admin, agreement!.id, { expectedVersion: agreement!.version })).agreement;
      must(await new DisbursementsService(m, day(DISBURSED_ON)).disburse(admin, accepted.id, { amountPence, occurredOn: DISBURSED_ON, idempotencyKey: `scale-${fund.id}-${i}-o` }));
      const payments = Math.floor(rnd() * 7);
      for (let p = 0; p < payments; p++) {
        const on = addMonths(DISBURSED_ON, p + 1);
        must(await new RepaymentsService(m, day(on)).recordCashRepayment(admin, accepted.id, {
          amountPence: Math.floor(cashRepayablePence / 24), occurredOn: on, idempotencyKey: `scale-${fund.id}-${i}-r${p}`,
        }));
      }
    }
  }
  return made;
}
