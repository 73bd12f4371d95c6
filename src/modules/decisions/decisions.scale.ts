// The scale generator's part: one participatory budget per 500 organisations (advisory, so no fund's money moves),
// each with pitches from generated organisations, a roll of residents across the places and their votes, declared;
// all through the services with the clock set to each step, so counts, rolls and results are what real use writes.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { AuthService } from "../../auth/auth.service";
import { must, pick, seededRandom } from "../../demo/seeding";
import { organisationsApi } from "../organisations/organisations.api";
import { DecisionEffect } from "./decisions.enums";
import { ProcessesService } from "./processes.service";
import { VotingService } from "./voting.service";
import { ResultsService } from "./results.service";

const ORGANISATIONS_PER_BUDGET = 500;
/** Residents are shared by every generated budget of a run: each joins each roll, so few passwords are hashed. */
const RESIDENTS = 12;
const DAY = 86_400_000;
const FIRST_OPENING = Date.UTC(2024, 0, 8, 9);

export async function generateScaleDecisions(m: EntityManager, count: number, seed: number): Promise<number> {
  const rnd = seededRandom(seed + 17);
  const organisations = (await organisationsApi.listActive(m)).filter((o) => o.registeredPlaceId);
  if (organisations.length < 4) return 0;
  const wanted = Math.ceil(count / ORGANISATIONS_PER_BUDGET);
  const [{ existing }] = await m.query("SELECT count(*)::int AS existing FROM decision_process");
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "scale" };
  const residents: Actor[] = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const user = await AuthService.createUser(m, { email: `scale-resident-${seed}-${existing}-${i}@example.test`, password: `scale-${rnd()}`, displayName: `Resident ${i + 1}` });
    residents.push({ viewer: { userId: user.id, apiKeyId: null, roles: new Set(), memberships: new Map(), scopes: null }, requestId: "scale" });
  }
  for (let n = 0; n < wanted; n++) {
    const organiser = pick(rnd, organisations);
    // Residents live in the organiser's place, so the area is that place.
    const area = organiser.registeredPlaceId!;
    const opensAt = new Date(FIRST_OPENING + (existing + n) * 14 * DAY);
    const closesAt = new Date(opensAt.getTime() + 7 * DAY);
    const drafting = new ProcessesService(m, () => new Date(opensAt.getTime() - DAY));
    const pot = 1_000_000 + Math.floor(rnd() * 40) * 100_000;
    let budget = must(await drafting.createBudget(admin, {
      title: `Generated budget ${seed}-${existing + n + 1}`, organiserOrganisationId: organiser.id, areaPlaceId: area, effect: DecisionEffect.ADVISORY,
      delegatedBy: "The council's cabinet", answersTo: "The council's scrutiny committee", opensAt, closesAt, potPence: pot, votesPerVoter: 2,
    })).process;
    const pitchIds: string[] = [];
    for (let p = 0; p < 3 + Math.floor(rnd() * 4); p++) {
      const by = pick(rnd, organisations);
      pitchIds.push(must(await drafting.submitPitch(admin, {
        processId: budget.id, organisationId: by.id, title: `Pitch ${p + 1}`, summary: "A project for the neighbourhood.", amountPence: 100_000 + Math.floor(rnd() * pot / 200_000) * 100_000,
      })).pitch.id);
    }
    budget = must(await drafting.open(admin, budget.id, { expectedVersion: budget.version })).process;
    const voting = new VotingService(m, () => new Date(opensAt.getTime() + DAY));
    for (const [i, r] of residents.entries()) {
      must(await voting.register(r, { processId: budget.id, placeId: area }));
      if (rnd() < 0.75) {
        const chosen = [...new Set([pick(rnd, pitchIds), pick(rnd, pitchIds)])];
        must(await voting.cast(r, { processId: budget.id, pitchIds: chosen, idempotencyKey: `scale-${budget.id}-${i}` }));
      }
    }
    must(await new ResultsService(m, () => new Date(closesAt.getTime() + DAY)).declare(admin, budget.id, { expectedVersion: budget.version, idempotencyKey: `scale-${budget.id}` }));
  }
  return wanted;
}
