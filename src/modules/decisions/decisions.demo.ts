// Demo data: a binding participatory budget across the city region (five pitches, residents' votes, the funded
// projects), and a binding resident ballot on a community asset transfer with its
// turnout and thresholds; both told through the services with the clock set to each step.
import type { DemoContext } from "../../kith-module";
import type { Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../auth/passwords";
import { insertMany, must, seededRandom } from "../../demo/seeding";
import { organisationsApi } from "../organisations/organisations.api";
import { StoStatus } from "../organisations/organisation.enums";
import { DEMO_OWNER_ORGANISATION } from "../organisations/organisations.demo";
import { placesApi } from "../places/places.api";
import { assetsApi } from "../assets/assets.api";
import { ProcessesService } from "./processes.service";
import { VotingService } from "./voting.service";
import { ResultsService } from "./results.service";
import { BallotChoice, DecisionEffect, ParticipantGroup, ParticipationBarrier } from "./decisions.enums";

export const DEMO_BUDGET = "City Region Decides 2026";
export const DEMO_BALLOT = "Residents' ballot: the community hub transfer";
const DAY = 86_400_000;
const GROUPS = Object.values(ParticipantGroup);
const BARRIERS = Object.values(ParticipationBarrier);

const PITCHES = [
  { title: "Granby Street community kitchen", summary: "Evening meals cooked with and for neighbours, four nights a week.", pence: 1_200_000 },
  { title: "Lodge Lane growing spaces", summary: "Raised beds on two empty plots, tended by the street's families.", pence: 800_000 },
  { title: "Youth bike workshop", summary: "Young people repair and keep donated bikes, with paid apprenticeships.", pence: 1_000_000 },
  { title: "Warm homes draught-proofing", summary: "Trained residents draught-proof 60 older homes before winter.", pence: 900_000 },
  { title: "Princes Park play sessions", summary: "Free supervised play in the park through the school holidays.", pence: 500_000 },
];

export async function loadDemoDecisions({ manager: m }: DemoContext): Promise<void> {
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const random = seededRandom(17);
  const organisations = await organisationsApi.listActive(m);
  const organiser = organisations.find((o) => o.name === DEMO_OWNER_ORGANISATION) ?? organisations[0];
  const pitchers = organisations.filter((o) => o.stoStatus === StoStatus.ELIGIBLE && o.id !== organiser.id).slice(0, PITCHES.length);
  const codes = await placesApi.idsByCode(m, ["E47000004", "E08000012", "E06000006", "E08000011", "E08000013", "E08000014", "E08000015"]);
  const region = codes.get("E47000004")!;
  const boroughs = [...codes.entries()].filter(([code]) => code !== "E47000004").map(([, id]) => id);

  const now = Date.now();
  const opensAt = new Date(now - 21 * DAY);
  const closesAt = new Date(now - 14 * DAY);
  const before = () => new Date(opensAt.getTime() - DAY);
  const during = () => new Date(opensAt.getTime() + DAY);
  const after = () => new Date(closesAt.getTime() + DAY);
  // Residents never sign in to the demo: one hash of a password nobody knows serves them all (a hash each would slow the load).
  const unknowable = await hashPassword(randomBytes(24).toString("hex"));
  const userIds = await insertMany(m, "app_user", ["email", "password_hash", "display_name"], Array.from({ length: 30 }, (_, i) =>
    [`resident-${String(i + 1).padStart(2, "0")}@demo.kith.test`, unknowable, `Resident ${i + 1}`]), { returningIds: true });
  const residents: Actor[] = userIds.map((userId) => ({ viewer: { userId, apiKeyId: null, roles: new Set(), memberships: new Map(), scopes: null }, requestId: "demo" }));
  // Residents of every borough take part in the region's budget; the ballot is for the asset's neighbours.
  const boroughOf = (i: number) => boroughs[i % boroughs.length];

  // The participatory budget: pitches while a draft, 26 of 30 residents vote for up to three, then the count.
  const basics = {
    organiserOrganisationId: organiser.id, areaPlaceId: region, effect: DecisionEffect.BINDING,
    delegatedBy: "Liverpool City Region Combined Authority", answersTo: "The combined authority's overview and scrutiny committee", opensAt, closesAt,
  };
  const drafting = new ProcessesService(m, before);
  let budget = must(await drafting.createBudget(admin, {
    ...basics, title: DEMO_BUDGET, description: "Residents across the city region heard five pitches and voted on how the combined authority's £30,000 community pot is spent.",
    // Not part of a fund round here, so the pay-it-forward fund's demo figures stay as its own story tells them; a
    // budget in a round (tests/decisions/budgets.test.ts) has the fund make its awards.
    potPence: 3_000_000, votesPerVoter: 3,
  })).process;
  const pitchIds: string[] = [];
  for (const [i, p] of PITCHES.entries()) {
    const by = pitchers[i] ?? organiser;
    pitchIds.push(must(await drafting.submitPitch(admin, { processId: budget.id, organisationId: by.id, title: p.title, summary: p.summary, amountPence: p.pence })).pitch.id);
  }
  budget = must(await drafting.open(admin, budget.id, { expectedVersion: budget.version })).process;
  const voting = new VotingService(m, during);
  // Preferences lean to the first pitches, so the count funds some and not others.
  const weights = [0.8, 0.6, 0.55, 0.3, 0.35];
  for (const [i, r] of residents.entries()) {
    const groups = random() < 0.4 ? [GROUPS[Math.floor(random() * GROUPS.length)]] : [];
    const barriers = random() < 0.25 ? [BARRIERS[Math.floor(random() * BARRIERS.length)]] : [];
    must(await voting.register(r, { processId: budget.id, placeId: boroughOf(i), groups, barriers }));
    if (i >= 26) continue;
    let chosen = pitchIds.filter((_, p) => random() < weights[p]).slice(0, 3);
    if (!chosen.length) chosen = [pitchIds[i % pitchIds.length]];
    must(await voting.cast(r, { processId: budget.id, pitchIds: chosen, idempotencyKey: `demo-budget-${i}` }));
  }
  must(await new ResultsService(m, after).declare(admin, budget.id, { expectedVersion: budget.version, idempotencyKey: "demo-budget-declare" }));

  // The ballot on the oldest transfer still in progress: 16 residents on the roll, 60% turnout and 2/3 approval needed.
  const [transferId] = await assetsApi.openTransferIds(m);
  if (!transferId) return;
  // Residents of the asset's place vote on it.
  const assetPlace = (await assetsApi.transfersByIds(m, [transferId])).get(transferId)!.placeId;
  let ballot = must(await new ProcessesService(m, before).createBallot(admin, {
    ...basics, areaPlaceId: assetPlace, title: DEMO_BALLOT, delegatedBy: "The council's cabinet", answersTo: "The council's overview and scrutiny committee",
    transferId, question: "Should the building pass to the residents' community trust on a 125-year lease?", minTurnoutPercent: 60, approvalPercent: 67,
  })).process;
  ballot = must(await new ProcessesService(m, before).open(admin, ballot.id, { expectedVersion: ballot.version })).process;
  for (const [i, r] of residents.slice(0, 16).entries()) {
    must(await voting.register(r, { processId: ballot.id, placeId: assetPlace }));
    if (i < 12) must(await voting.cast(r, { processId: ballot.id, choice: i < 9 ? BallotChoice.YES : BallotChoice.NO, idempotencyKey: `demo-ballot-${i}` }));
  }
  must(await new ResultsService(m, after).declare(admin, ballot.id, { expectedVersion: ballot.version, idempotencyKey: "demo-ballot-declare" }));
}
