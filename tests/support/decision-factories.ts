// Factories for decision tests: processes made through the decisions services with a clock the test sets, residents
// registered on a roll, and votes cast.
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { OrganisationRole } from "../../src/auth/roles";
import type { Actor, Viewer } from "../../src/auth/viewer";
import { ProcessesService, ProcessBasics } from "../../src/modules/decisions/processes.service";
import { VotingService } from "../../src/modules/decisions/voting.service";
import { ResultsService } from "../../src/modules/decisions/results.service";
import { DecisionEffect } from "../../src/modules/decisions/decisions.enums";
import type { DecisionProcess } from "../../src/modules/decisions/process.entity";
import { makeUser } from "./factories";
import { makeOrganisation, placeId, SYSTEM_ADMIN, viewerWith } from "./organisation-factories";

export const asAdmin: Actor = { viewer: SYSTEM_ADMIN, requestId: "decision-factory" };
export const actorOf = (viewer: Viewer): Actor => ({ viewer, requestId: "decision-test" });
export const key = (): string => randomUUID();

export function ok<R extends object>(r: R): Exclude<R, { errors: unknown }> {
  if ("errors" in r) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r as Exclude<R, { errors: unknown }>;
}

export const codes = (r: object): string[] => ("errors" in r ? (r.errors as { code: string }[]).map((e) => e.code) : []);

/** Voting opens an hour before `NOW` and closes an hour after; AFTER is when results may be declared. */
export const NOW = new Date("2026-11-20T12:00:00Z");
export const AFTER = new Date("2026-11-20T13:30:00Z");
export const at = (t: Date) => () => t;

export const services = (db: DataSource, now = NOW) => ({
  processes: new ProcessesService(db, at(now)), voting: new VotingService(db, at(now)), results: new ResultsService(db, at(now)),
});

/** An organiser organisation with an OWNER who organises its processes. */
export async function organiser(db: DataSource): Promise<{ organisationId: string; viewer: Viewer }> {
  const user = await makeUser(db);
  const organisation = await makeOrganisation(db, { name: `Organiser ${randomUUID().slice(0, 6)}` });
  await db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [user.id, organisation.id]);
  return { organisationId: organisation.id, viewer: viewerWith({ userId: user.id, memberships: [[organisation.id, OrganisationRole.OWNER]] }) };
}

export async function basics(db: DataSource, organiserOrganisationId: string, o: Partial<ProcessBasics> & { areaCode?: string } = {}): Promise<ProcessBasics> {
  const { areaCode, ...given } = o;
  const rest = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return {
    title: "Toxteth Decides", organiserOrganisationId, areaPlaceId: await placeId(db, areaCode ?? "E08000012"), effect: DecisionEffect.BINDING,
    delegatedBy: "Liverpool City Council cabinet", answersTo: "Liverpool City Council overview and scrutiny committee",
    opensAt: new Date(NOW.getTime() - 3_600_000), closesAt: new Date(NOW.getTime() + 3_600_000), ...rest,
  };
}

/** `n` residents signed in as themselves, registered on the process's roll in `placeId`. */
export async function residents(db: DataSource, process: DecisionProcess, n: number, placeIdOf: (i: number) => string, o: { groups?: (i: number) => never[] } = {}): Promise<Actor[]> {
  const made: Actor[] = [];
  for (let i = 0; i < n; i++) {
    const user = await makeUser(db);
    const actor = actorOf(viewerWith({ userId: user.id }));
    ok(await new VotingService(db, at(NOW)).register(actor, { processId: process.id, placeId: placeIdOf(i), groups: o.groups?.(i) }));
    made.push(actor);
  }
  return made;
}

export async function open(db: DataSource, process: DecisionProcess, by: Actor = asAdmin): Promise<DecisionProcess> {
  return ok(await new ProcessesService(db, at(NOW)).open(by, process.id, { expectedVersion: process.version })).process;
}
