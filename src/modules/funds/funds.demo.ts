// Demo data: the city region's pay-it-forward fund from 2024 to now, told through the funds services in date order, so
// the ledger, lineage and audit are exactly what real use would write (and a pound repaid is awarded again).
import type { EntityManager } from "typeorm";
import type { DemoContext } from "../../kith-module";
import type { Actor } from "../../auth/viewer";
import { OrganisationRole, Role } from "../../auth/roles";
import { DEMO_USERS } from "../../demo/demo-accounts";
import { must } from "../../demo/seeding";
import { organisationsApi } from "../organisations/organisations.api";
import { DEMO_OWNER_ORGANISATION, DEMO_VIEWER_ORGANISATION } from "../organisations/organisations.demo";
import { StoStatus } from "../organisations/organisation.enums";
import { clustersApi } from "../clusters/clusters.api";
import { DEMO_PANEL, DEMO_PEERS } from "../clusters/clusters.demo";
import { FundsService } from "./rounds/funds.service";
import { ApplicationsService } from "./applications/applications.service";
import { ApplicationPartnersService } from "./applications/partners.service";
import { PanelService, OfferTerms } from "./applications/panel.service";
import { AgreementsService } from "./agreements/agreements.service";
import { DisbursementsService } from "./money/disbursements.service";
import { RepaymentsService } from "./money/repayments.service";
import { DecisionOutcome, PanelStance, PartnerConsent } from "./funds.enums";
import { addMonths } from "./agreements/schedule";
import { londonDate } from "../../kit/calendar";

export const DEMO_FUND = "Kindred Pay It Forward Fund";
export const COMBINED_AUTHORITY = "Liverpool City Region Combined Authority";
export const NATIONAL_FUNDER = "National Community Funder";

/** The services as they run on one day of the story. */
function on(m: EntityManager, day: string) {
  const today = () => day;
  return {
    funds: new FundsService(m, today), applications: new ApplicationsService(m, today), panel: new PanelService(m, today),
    partners: new ApplicationPartnersService(m),
    agreements: new AgreementsService(m, today), disbursements: new DisbursementsService(m, today), repayments: new RepaymentsService(m, today),
  };
}

interface Step {
  on: string;
  run(s: ReturnType<typeof on>): Promise<unknown>;
}

/** Monthly payments of `pence` on the day of `first`, `count` times. */
function monthly(first: string, count: number, pence: number, pay: (s: ReturnType<typeof on>, day: string, pence: number) => Promise<unknown>): Step[] {
  return Array.from({ length: count }, (_, i) => {
    const day = addMonths(first, i);
    return { on: day, run: (s) => pay(s, day, pence) };
  });
}

interface Case {
  organisationId: string;
  requestedPence: number;
  purpose: string;
  applicationId?: string;
  version?: number;
  agreementId?: string;
}

export async function loadDemoFunds({ manager: m }: DemoContext): Promise<void> {
  const users: { id: string; email: string }[] = await m.query("SELECT id, email FROM app_user WHERE email = ANY($1)",
    [[DEMO_USERS.admin.email, DEMO_USERS.panel.email, DEMO_USERS.owner.email, ...DEMO_PEERS.map((p) => p.email)]]);
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const organisations = await organisationsApi.listActive(m);
  const bakery = organisations.find((o) => o.name === DEMO_OWNER_ORGANISATION)!;
  const admin: Actor = { viewer: { userId: userId(DEMO_USERS.admin.email), apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const panel: Actor = { viewer: { userId: userId(DEMO_USERS.panel.email), apiKeyId: null, roles: new Set([Role.PANEL_MEMBER]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const owner: Actor = {
    viewer: { userId: userId(DEMO_USERS.owner.email), apiKeyId: null, roles: new Set(), memberships: new Map([[bakery.id, OrganisationRole.OWNER]]), scopes: null },
    requestId: "demo",
  };
  // The clusters module's demo panel: owner@ sits on it for the bakery, panel@ for no organisation, and three STO
  // peers for their own organisations; the peers decide, as the network's founding text asks.
  const panelId = await clustersApi.panelIdByName(m, DEMO_PANEL);
  if (!panelId) throw new Error("demo funds: the clusters demo has no peer panel");
  const seats = await clustersApi.panelMembers(m, panelId);
  const peerSeats = DEMO_PEERS.map((p) => seats.find((s) => s.userId === userId(p.email))!);
  const [peer1, peer2, peer3]: Actor[] = peerSeats.map((p) => ({
    viewer: { userId: p.userId, apiKeyId: null, roles: new Set(), memberships: new Map([[p.organisationId!, OrganisationRole.EDITOR]]), scopes: null }, requestId: "demo",
  }));
  const peerOrganisations = new Set(peerSeats.map((p) => p.organisationId!));
  const neighbours = await clustersApi.organisationsSharingACluster(m, bakery.id);
  const eligible = organisations.filter((o) => o.stoStatus === StoStatus.ELIGIBLE && o.id !== bakery.id);
  const notNeighbour = eligible.filter((o) => !neighbours.has(o.id) && !peerOrganisations.has(o.id));
  const neighbour = eligible.find((o) => neighbours.has(o.id) && !peerOrganisations.has(o.id))!;
  if (notNeighbour.length < 11 || !neighbour) throw new Error("demo funds: too few eligible demo organisations");
  const org = (i: number) => notNeighbour[i].id;

  let n = 0;
  const key = () => `demo-${++n}`;
  const state: { fundId?: string; round1?: string; round1Version?: number; round2?: string } = {};
  const c = {
    bakery: { organisationId: bakery.id, requestedPence: 2_500_000, purpose: "A second deck oven and evening opening, with four new trainee bakers." },
    bikes: { organisationId: org(0), requestedPence: 6_000_000, purpose: "A workshop van to collect and repair donated bikes across the city region." },
    solar: { organisationId: org(1), requestedPence: 10_000_000, purpose: "Community-owned solar on three school roofs, with energy advice for families." },
    cafe: { organisationId: org(2), requestedPence: 4_500_000, purpose: "Refitting the café kitchen to cook for the lunch club and the food bank." },
    studio: { organisationId: org(3), requestedPence: 5_000_000, purpose: "Making the upstairs studios accessible and lettable to local artists." },
    hub: { organisationId: org(4), requestedPence: 2_000_000, purpose: "Stock and a till for a community shop in the hub's foyer." },
    gym: { organisationId: org(5), requestedPence: 3_500_000, purpose: "New equipment for the gym's paid memberships." },
    shed: { organisationId: org(6), requestedPence: 1_500_000, purpose: "Tools and timber to make furniture to order." },
    energy: { organisationId: org(7), requestedPence: 6_000_000, purpose: "Batteries for the community solar scheme, so homes use the power at night." },
    kitchen: { organisationId: org(8), requestedPence: 3_000_000, purpose: "A training kitchen fit-out for young people's catering apprenticeships." },
    garden: { organisationId: neighbour.id, requestedPence: 4_000_000, purpose: "Polytunnels and a farm shop so the garden can sell year round." },
    theatre: { organisationId: org(9), requestedPence: 2_000_000, purpose: "Lighting and seating so the youth theatre can sell tickets for shows." },
    pub: { organisationId: org(10), requestedPence: 5_000_000, purpose: "Buying the freehold share of the last pub on the high street." },
  } satisfies Record<string, Case>;
  const cases: Record<keyof typeof c, Case> = c;

  // A collective application: three STOs that none of the peers sit for, the viewer@ sign-in's repair café among the
  // partners when it is an eligible STO, so its members read the agreement they are partners in.
  const used = new Set(Object.values(c).map((x) => x.organisationId));
  const spare = eligible.filter((o) => !peerOrganisations.has(o.id) && !used.has(o.id));
  const viewerOrganisation = spare.find((o) => o.name === DEMO_VIEWER_ORGANISATION);
  const others = spare.filter((o) => o !== viewerOrganisation);
  const collective = { lead: others[0], partners: viewerOrganisation ? [viewerOrganisation, others[1]] : [others[1], others[2]] };
  if (!collective.lead || collective.partners.some((p) => !p)) throw new Error("demo funds: too few eligible demo organisations for a collective application");
  const apprenticeships: Case = {
    organisationId: collective.lead.id, requestedPence: 7_000_000,
    purpose: "A shared apprenticeship programme: the three organisations employ and train young people together, each hosting placements, with one coordinator between them.",
  };

  const submit = (k: keyof typeof c, round: () => string, as: Actor = admin): Step["run"] => async (s) => {
    const x = cases[k];
    const { application } = must(await s.applications.submit(as, {
      organisationId: x.organisationId, fundId: state.fundId!, roundId: round(), requestedPence: x.requestedPence, purpose: x.purpose,
      cashRepaymentPlan: "From trading surplus, monthly.", socialRepaymentPlan: "Jobs and training for local people, costed with the network.", idempotencyKey: key(),
    }));
    Object.assign(x, { applicationId: application.id, version: application.version });
  };
  /**
   * The collective application: the lead invites two partners, each consents, the lead submits, the peers support it
   * and the lead accepts the offer (its money moves in the new year, so the fund's figures tell the same story).
   */
  const collectiveSteps: Step[] = [
    { on: "2026-09-15", run: async (s) => {
      const { application } = must(await s.applications.draft(admin, { organisationId: apprenticeships.organisationId, fundId: state.fundId!, roundId: state.round2!,
        requestedPence: apprenticeships.requestedPence, purpose: apprenticeships.purpose, cashRepaymentPlan: "From the three organisations' trading surplus, in shares agreed between them.",
        socialRepaymentPlan: "Apprenticeships and jobs for local young people, costed with the network." }));
      let version = application.version;
      for (const partner of collective.partners) {
        version = must(await s.partners.add(admin, application.id, { organisationId: partner.id, expectedVersion: version })).application.version;
      }
      Object.assign(apprenticeships, { applicationId: application.id, version });
    } },
    ...collective.partners.map((partner, i): Step => ({ on: `2026-09-1${6 + i}`, run: async (s) => {
      apprenticeships.version = must(await s.partners.respond(admin, apprenticeships.applicationId!, { organisationId: partner.id, consent: PartnerConsent.CONSENTED, expectedVersion: apprenticeships.version! })).application.version;
    } })),
    { on: "2026-09-18", run: async (s) => {
      apprenticeships.version = must(await s.applications.submit(admin, { applicationId: apprenticeships.applicationId!, expectedVersion: apprenticeships.version!, idempotencyKey: key() })).application.version;
    } },
    { on: "2026-09-28", run: async (s) => {
      for (const as of [panel, peer1, peer2, peer3]) {
        apprenticeships.version = must(await s.panel.recordView(as, apprenticeships.applicationId!, { stance: PanelStance.SUPPORT, comment: "Three organisations, one programme: the partners share the placements and the repayments." })).application.version;
      }
    } },
    { on: "2026-10-02", run: async (s) => {
      const r = must(await s.panel.decide(panel, apprenticeships.applicationId!, {
        expectedVersion: apprenticeships.version!, outcome: DecisionOutcome.OFFER, reasons: "The panel backs the three organisations' shared programme.",
        offer: { amountPence: 7_000_000, cashRepayablePence: 4_000_000, termMonths: 36, holidayMonths: 6, startsOn: "2026-11-01" }, idempotencyKey: key(),
      }));
      apprenticeships.agreementId = r.agreement!.id;
      const [{ version }] = await m.query("SELECT version FROM agreement WHERE id = $1", [apprenticeships.agreementId]);
      must(await s.agreements.acceptOffer(admin, apprenticeships.agreementId!, { expectedVersion: version }));
    } },
  ];
  const view = (k: keyof typeof c, as: Actor, stance: PanelStance, comment: string, declaredConflict?: string): Step["run"] => async (s) => {
    const { application } = must(await s.panel.recordView(as, cases[k].applicationId!, { stance, comment, declaredConflict }));
    cases[k].version = application.version;
  };
  /** The three STO peers' views, in order, each with the same comment. */
  const peerViews = (k: keyof typeof c, stances: [PanelStance, PanelStance, PanelStance], comment: string): Step["run"] => async (s) => {
    for (const [i, as] of [peer1, peer2, peer3].entries()) await view(k, as, stances[i], comment)(s);
  };
  const decide = (k: keyof typeof c, reasons: string, offer?: OfferTerms, by: Actor = peer1, overrideReason?: string): Step["run"] => async (s) => {
    const r = must(await s.panel.decide(by, cases[k].applicationId!, {
      expectedVersion: cases[k].version!, outcome: offer ? DecisionOutcome.OFFER : DecisionOutcome.DECLINE, reasons, offer, overrideReason, idempotencyKey: key(),
    }));
    cases[k].agreementId = r.agreement?.id;
  };
  const version = async (k: keyof typeof c) => (await m.query("SELECT version FROM agreement WHERE id = $1", [cases[k].agreementId]))[0].version as number;
  const accept = (k: keyof typeof c, as: Actor = admin): Step["run"] => async (s) =>
    must(await s.agreements.acceptOffer(as, cases[k].agreementId!, { expectedVersion: await version(k) }));
  const disburse = (k: keyof typeof c, pence: number, day: string): Step => ({
    on: day, run: async (s) => must(await s.disbursements.disburse(admin, cases[k].agreementId!, { amountPence: pence, occurredOn: day, idempotencyKey: key() })),
  });
  const repay = (k: keyof typeof c) => async (s: ReturnType<typeof on>, day: string, pence: number) =>
    must(await s.repayments.recordCashRepayment(admin, cases[k].agreementId!, { amountPence: pence, occurredOn: day, idempotencyKey: key() }));
  const claim = (k: keyof typeof c, from: string, to: string, pence: number, description: string, as: Actor = admin) => async (s: ReturnType<typeof on>) =>
    must(await s.repayments.claimSocialRepayment(as, cases[k].agreementId!, { valuePence: pence, periodFrom: from, periodTo: to, description, idempotencyKey: key() })).claim;
  const claimAndAccept = (k: keyof typeof c, from: string, to: string, pence: number, description: string, as?: Actor): Step["run"] => async (s) => {
    const made = await claim(k, from, to, pence, description, as)(s);
    must(await s.repayments.reviewSocialRepayment(admin, made.id, { expectedVersion: made.version, accept: true, note: "Evidence checked against the network's costings.", idempotencyKey: key() }));
  };
  const offerOf = (amountPence: number, cashRepayablePence: number, termMonths: number, holidayMonths: number, startsOn: string): OfferTerms =>
    ({ amountPence, cashRepayablePence, termMonths, holidayMonths, startsOn });
  const SUPPORT = PanelStance.SUPPORT;

  const story: Step[] = [
    { on: "2024-01-08", run: async (s) => { state.fundId = must(await s.funds.createFund(admin, { name: DEMO_FUND, description: "Patient, flexible money at 0% for socially trading organisations in the Liverpool City Region, repaid in cash and in social value, and paid forward again." })).fund.id; } },
    // The combined authority's first tranche is small on purpose: once it is drawn, repaid pounds go out again.
    { on: "2024-01-10", run: async (s) => must(await s.funds.addContribution(admin, state.fundId!, { contributor: COMBINED_AUTHORITY, amountPence: 30_000_000, receivedOn: "2024-01-10", restriction: "First tranche: for socially trading organisations in the six boroughs of the city region.", idempotencyKey: key() })) },
    { on: "2024-02-01", run: async (s) => { const { round } = must(await s.funds.openRound(admin, state.fundId!, { name: "Round 1: spring 2024", opensOn: "2024-02-01", closesOn: "2024-03-31", panelId })); state.round1 = round.id; state.round1Version = round.version; } },
    { on: "2024-02-12", run: submit("bakery", () => state.round1!, owner) },
    { on: "2024-02-14", run: submit("bikes", () => state.round1!) },
    { on: "2024-02-20", run: submit("solar", () => state.round1!) },
    { on: "2024-02-27", run: submit("cafe", () => state.round1!) },
    { on: "2024-03-04", run: submit("studio", () => state.round1!) },
    { on: "2024-03-11", run: submit("hub", () => state.round1!) },
    { on: "2024-03-18", run: submit("gym", () => state.round1!) },
    { on: "2024-03-19", run: submit("shed", () => state.round1!) },
    { on: "2024-03-25", run: async (s) => must(await s.applications.withdraw(admin, cases.shed.applicationId!, { expectedVersion: cases.shed.version! })) },
    { on: "2024-04-01", run: async (s) => must(await s.funds.closeRound(admin, state.round1!, { expectedVersion: state.round1Version! })) },
    { on: "2024-04-05", run: view("bakery", owner, SUPPORT, "I sit for the bakery, so my view is not counted.") },
    { on: "2024-04-05", run: view("bakery", panel, SUPPORT, "Trainee bakers from Toxteth and a second oven that pays for itself.") },
    { on: "2024-04-05", run: view("bikes", panel, SUPPORT, "Strong demand from people getting back to work.") },
    { on: "2024-04-05", run: view("solar", panel, PanelStance.SUPPORT_WITH_CHANGES, "Good scheme; a longer holiday while the panels are installed.") },
    { on: "2024-04-05", run: view("cafe", panel, SUPPORT, "The lunch club needs the kitchen.") },
    { on: "2024-04-05", run: view("studio", panel, SUPPORT, "Letting income covers the repayments.") },
    { on: "2024-04-05", run: view("hub", panel, SUPPORT, "Small and sensible.") },
    { on: "2024-04-05", run: view("gym", panel, PanelStance.DO_NOT_SUPPORT, "The equipment would serve paid memberships more than the youth sessions.") },
    // The STO peers read every application of round 1; with panel@ that is four counted views on each (quorum 3).
    { on: "2024-04-10", run: peerViews("bakery", [SUPPORT, SUPPORT, SUPPORT], "Trainee places with a route into paid work.") },
    { on: "2024-04-10", run: peerViews("bikes", [SUPPORT, SUPPORT, PanelStance.SUPPORT_WITH_CHANGES], "Collections across the region; repayments from sales.") },
    { on: "2024-04-10", run: peerViews("solar", [SUPPORT, PanelStance.SUPPORT_WITH_CHANGES, SUPPORT], "Owned by the schools' parents: money stays local.") },
    { on: "2024-04-10", run: peerViews("cafe", [SUPPORT, SUPPORT, PanelStance.ABSTAIN], "The lunch club feeds the estate.") },
    { on: "2024-04-10", run: peerViews("studio", [SUPPORT, SUPPORT, PanelStance.SUPPORT_WITH_CHANGES], "Lettings will cover it if the lift goes in first.") },
    { on: "2024-04-10", run: peerViews("hub", [SUPPORT, PanelStance.DO_NOT_SUPPORT, PanelStance.DO_NOT_SUPPORT], "A shop in the foyer would compete with the food co-op next door.") },
    { on: "2024-04-10", run: peerViews("gym", [PanelStance.DO_NOT_SUPPORT, PanelStance.DO_NOT_SUPPORT, PanelStance.ABSTAIN], "Paid memberships first, youth sessions second.") },
    { on: "2024-04-15", run: decide("bakery", "The panel backs the bakery's growth and its trainee places.", offerOf(2_500_000, 1_500_000, 36, 6, "2024-05-01")) },
    { on: "2024-04-15", run: decide("bikes", "A clear route to repay from van-based collections.", offerOf(6_000_000, 4_500_000, 24, 0, "2024-05-01")) },
    { on: "2024-04-15", run: decide("solar", "Offered with a twelve-month holiday while the panels go up.", offerOf(10_000_000, 7_000_000, 48, 12, "2024-06-01")) },
    { on: "2024-04-15", run: decide("cafe", "The kitchen serves the whole estate.", offerOf(4_500_000, 3_000_000, 36, 6, "2024-05-15")) },
    { on: "2024-04-15", run: decide("studio", "Accessible studios the borough lacks.", offerOf(5_000_000, 3_500_000, 36, 6, "2024-06-01")) },
    // The panel split two for and two against (a tie carries no offer); the network's staff overrode it, on the record.
    { on: "2024-04-15", run: decide("hub", "A modest start for the community shop.", offerOf(2_000_000, 1_500_000, 24, 3, "2024-06-01"), admin,
      "The food co-op next door wrote to support the shop and will supply it, which answers the panel's concern about competition; the borough has no other grocer.") },
    { on: "2024-04-15", run: decide("gym", "Not this round: the panel would welcome a plan centred on the free youth sessions.", undefined, peer2) },
    { on: "2024-04-20", run: accept("bakery", owner) },
    { on: "2024-04-22", run: accept("bikes") },
    { on: "2024-04-22", run: accept("solar") },
    { on: "2024-04-22", run: accept("cafe") },
    { on: "2024-04-22", run: accept("studio") },
    disburse("bakery", 2_500_000, "2024-05-01"),
    disburse("bikes", 6_000_000, "2024-05-10"),
    disburse("cafe", 4_500_000, "2024-05-20"),
    disburse("solar", 6_000_000, "2024-06-01"),
    disburse("studio", 3_000_000, "2024-06-01"),
    { on: "2024-07-31", run: async (s) => must(await s.agreements.close(admin, cases.hub.agreementId!, { expectedVersion: await version("hub"), reason: "The hub found a shop fit-out grant and did not take up the offer." })) },
    disburse("solar", 4_000_000, "2024-09-01"),
    ...monthly("2024-06-01", 7, 187_500, repay("bikes")),
    ...monthly("2024-12-01", 20, 50_000, repay("bakery")),
    ...monthly("2024-12-15", 24, 100_000, repay("cafe")),
    { on: "2024-12-01", run: (s) => repay("studio")(s, "2024-12-01", 200_000) },
    { on: "2025-03-01", run: (s) => repay("bikes")(s, "2025-03-01", 3_187_500) },
    { on: "2025-06-02", run: claimAndAccept("bakery", "2024-05-01", "2025-04-30", 400_000, "Twelve local people trained as bakers; six now in paid work.", owner) },
    { on: "2025-06-30", run: claimAndAccept("bikes", "2024-05-01", "2025-05-31", 1_500_000, "Four hundred refurbished bikes for people getting back to work.") },
    ...monthly("2025-07-01", 6, 194_444, repay("solar")),
    { on: "2025-09-30", run: async (s) => must(await s.agreements.writeOff(admin, cases.studio.agreementId!, { expectedVersion: await version("studio"), reason: "Ceased trading in August 2025; the board wound the company up.", idempotencyKey: key() })) },
    { on: "2026-01-15", run: async (s) => must(await s.agreements.reschedule(admin, cases.solar.agreementId!, { expectedVersion: await version("solar"), startsOn: "2026-03-01", termMonths: 40, holidayMonths: 4, reason: "Two school roofs needed repairs before the panels could generate." })) },
    { on: "2026-05-15", run: async (s) => claim("bakery", "2025-05-01", "2026-04-30", 300_000, "Eight more trainees; a Saturday baking club for twenty children.", owner)(s) },
    { on: "2026-07-01", run: async (s) => must(await s.funds.addContribution(admin, state.fundId!, { contributor: COMBINED_AUTHORITY, amountPence: 520_000_000, receivedOn: "2026-07-01", restriction: "Second tranche, for the city region's socially trading organisations.", idempotencyKey: key() })) },
    { on: "2026-07-01", run: async (s) => must(await s.funds.addContribution(admin, state.fundId!, { contributor: NATIONAL_FUNDER, amountPence: 100_000_000, receivedOn: "2026-07-01", restriction: null, idempotencyKey: key() })) },
    ...monthly("2026-08-01", 4, 162_037, repay("solar")),
    // Round 2 is open on whatever day the demo is loaded, so the portal can apply to it.
    { on: "2026-09-01", run: async (s) => { state.round2 = must(await s.funds.openRound(admin, state.fundId!, { name: "Round 2: autumn 2026", opensOn: "2026-09-01", closesOn: addMonths(londonDate(), 3), panelId })).round.id; } },
    { on: "2026-09-07", run: submit("energy", () => state.round2!) },
    { on: "2026-09-09", run: submit("kitchen", () => state.round2!) },
    { on: "2026-09-14", run: submit("garden", () => state.round2!) },
    { on: "2026-09-21", run: view("energy", panel, SUPPORT, "Batteries make the solar scheme pay for the people who own it.") },
    { on: "2026-09-21", run: view("kitchen", panel, SUPPORT, "Apprenticeships with a route to paid work.") },
    { on: "2026-09-21", run: view("garden", owner, SUPPORT, "A good plan for the food cluster.", "Our bakery buys their flour, so I do not count.") },
    { on: "2026-09-22", run: view("garden", panel, PanelStance.SUPPORT_WITH_CHANGES, "Good plan; the panel wants to see the farm shop's prices.") },
    { on: "2026-09-28", run: peerViews("energy", [SUPPORT, SUPPORT, SUPPORT], "Storage makes the scheme pay for the households in it.") },
    { on: "2026-10-28", run: peerViews("kitchen", [SUPPORT, PanelStance.SUPPORT_WITH_CHANGES, SUPPORT], "Apprentices cook for the lunch club as they train.") },
    // The first tranche has £40,000 left; the rest of this award is pounds repaid since 2024, going round again.
    { on: "2026-10-01", run: decide("energy", "Offered: the first award paid partly from repaid pounds.", offerOf(6_000_000, 4_000_000, 36, 6, "2026-10-15")) },
    { on: "2026-10-05", run: accept("energy") },
    disburse("energy", 6_000_000, "2026-10-15"),
    { on: "2026-10-20", run: submit("theatre", () => state.round2!) },
    { on: "2026-11-02", run: async (s) => must(await s.applications.draft(admin, { organisationId: c.pub.organisationId, fundId: state.fundId!, requestedPence: c.pub.requestedPence, purpose: c.pub.purpose })) },
    { on: "2026-11-10", run: decide("kitchen", "Offered; the panel looks forward to the first apprentices.", offerOf(3_000_000, 2_000_000, 36, 6, "2026-12-01")) },
    ...collectiveSteps,
  ];
  // Stable sort: steps on one day keep their written order (views before decisions, offers before acceptances).
  for (const step of [...story].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) await step.run(on(m, step.on));
}
