// Community decisions by role and through the api other modules call: who organises, pitches and votes; what partner
// keys and anonymous readers see; votes hidden until declared; and the region's figures by place and period.
import type { DataSource } from "typeorm";
import { startTestApp, TestApp } from "../support/test-app";
import { placeId, viewerWith } from "../support/organisation-factories";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { actorOf, AFTER, asAdmin, basics, codes, key, ok, open, organiser, residents, services } from "../support/decision-factories";
import { ApiScope, OrganisationRole, Role } from "../../src/auth/roles";
import { BallotChoice, DecisionEffect } from "../../src/modules/decisions/decisions.enums";
import { decisionsApi } from "../../src/modules/decisions/decisions.api";
import { toGlobalId } from "../../src/graphql/ids";
import { londonDate, addDays } from "../../src/kit/calendar";
import { makeScheme } from "../support/housing-factories";

let app: TestApp;
let db: DataSource;
let liverpool: string;
let wirral: string;
beforeAll(async () => {
  app = await startTestApp();
  db = app.db;
  liverpool = await placeId(db, "E08000012");
  wirral = await placeId(db, "E08000015");
});
afterAll(async () => { await app.close(); });

async function budget(o: { effect?: DecisionEffect } = {}) {
  const org = await organiser(db);
  const { process } = ok(await services(db).processes.createBudget(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId, { effect: o.effect })), potPence: 1_000_000, votesPerVoter: 1,
  }));
  return { org, process };
}

test("only ADMIN and the organiser's owners and editors organise; any organisation's editors pitch for it; partner keys never vote", async () => {
  const { org, process } = await budget();
  const stranger = actorOf(viewerWith({ userId: (await makeUser(db)).id }));
  const viewerOnly = actorOf(viewerWith({ userId: (await makeUser(db)).id, memberships: [[org.organisationId, OrganisationRole.VIEWER]] }));
  const editor = actorOf(viewerWith({ userId: (await makeUser(db)).id, memberships: [[org.organisationId, OrganisationRole.EDITOR]] }));
  for (const who of [stranger, viewerOnly]) {
    expect(codes(await services(db).processes.createBudget(who, { ...(await basics(db, org.organisationId)), potPence: 1, votesPerVoter: 1 }))).toEqual(["NOT_ALLOWED"]);
    expect(codes(await services(db).processes.update(who, process.id, { expectedVersion: process.version, title: "Mine now" }))).toEqual(["NOT_ALLOWED"]);
    expect(codes(await services(db).processes.open(who, process.id, { expectedVersion: process.version }))).toEqual(["NOT_ALLOWED"]);
    expect(codes(await services(db).processes.submitPitch(who, { processId: process.id, organisationId: org.organisationId, title: "x", summary: "y", amountPence: 1 }))).toEqual(["NOT_ALLOWED"]);
  }
  const { pitch } = ok(await services(db).processes.submitPitch(editor, { processId: process.id, organisationId: org.organisationId, title: "Library garden", summary: "Benches.", amountPence: 300_000 }));
  const opened = ok(await services(db).processes.open(editor, process.id, { expectedVersion: process.version })).process;
  const partner = actorOf(viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000009", roles: [Role.PARTNER], scopes: [ApiScope.READ_PUBLIC] }));
  expect(codes(await services(db).voting.register(partner, { processId: opened.id, placeId: liverpool }))).toEqual(["NOT_ALLOWED"]);
  expect(codes(await services(db).voting.cast(partner, { processId: opened.id, pitchIds: [pitch.id], idempotencyKey: key() }))).toEqual(["NOT_ALLOWED"]);
});

test("partner keys read with read:public; votes are published, by list and by ID alike, only once declared", async () => {
  const { process } = await budget();
  const organiserOf = await organiser(db);
  const { pitch } = ok(await services(db).processes.submitPitch(actorOf(organiserOf.viewer), { processId: process.id, organisationId: organiserOf.organisationId, title: "Repair café", summary: "Fix it.", amountPence: 200_000 }));
  const opened = await open(db, process);
  const [r] = await residents(db, opened, 1, () => liverpool);
  ok(await services(db).voting.cast(r, { processId: opened.id, pitchIds: [pitch.id], idempotencyKey: key() }));
  const [{ id: voteId }] = await db.query("SELECT id FROM decision_vote WHERE process_id = $1", [opened.id]);
  const byId = `query($id: ID!) { node(id: $id) { ... on DecisionVote { pitchIds } } }`;
  const list = `query($id: ID!) { node(id: $id) { ... on DecisionProcess { votes(first: 5) { nodes { id } } } } }`;
  const id = toGlobalId("DecisionProcess", opened.id);
  expect((await app.ok(byId, { id: toGlobalId("DecisionVote", voteId) })).node).toBeNull();
  expect((await app.ok(list, { id })).node.votes.nodes).toEqual([]);
  ok(await services(db, AFTER).results.declare(asAdmin, opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  expect((await app.ok(byId, { id: toGlobalId("DecisionVote", voteId) })).node).toEqual({ pitchIds: [toGlobalId("DecisionPitch", pitch.id)] });
  expect((await app.ok(list, { id })).node.votes.nodes).toEqual([{ id: toGlobalId("DecisionVote", voteId) }]);

  const noScope = viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000008", roles: [Role.PARTNER], scopes: [ApiScope.READ_FUNDS] });
  const refused = await app.run(`{ decisionProcesses(first: 1) { totalCount } }`, {}, noScope);
  expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect((await app.ok(`query($id: ID!) { node(id: $id) { id } }`, { id }, noScope)).node).toBeNull();
  const withScope = viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000007", roles: [Role.PARTNER], scopes: [ApiScope.READ_PUBLIC] });
  expect((await app.ok(`query($id: ID!) { node(id: $id) { id } }`, { id }, withScope)).node).toEqual({ id });
});

test("a resident sees their own registration and whether they voted, never anyone else's", async () => {
  const { process } = await budget();
  const organiserOf = await organiser(db);
  const { pitch } = ok(await services(db).processes.submitPitch(actorOf(organiserOf.viewer), { processId: process.id, organisationId: organiserOf.organisationId, title: "Play street", summary: "Sundays.", amountPence: 100_000 }));
  const opened = await open(db, process);
  const [me, other] = await residents(db, opened, 2, () => liverpool);
  ok(await services(db).voting.cast(me, { processId: opened.id, pitchIds: [pitch.id], idempotencyKey: key() }));
  const q = `query($id: ID!) { node(id: $id) { ... on DecisionProcess { viewerRegistration { place { name } hasVoted groups } } } }`;
  const id = toGlobalId("DecisionProcess", opened.id);
  expect((await app.ok(q, { id }, me.viewer)).node.viewerRegistration).toEqual({ place: { name: "Liverpool" }, hasVoted: true, groups: [] });
  expect((await app.ok(q, { id }, other.viewer)).node.viewerRegistration).toMatchObject({ hasVoted: false });
  expect((await app.ok(q, { id })).node.viewerRegistration).toBeNull();
});

test("regionFigures counts what was declared in the places and period asked, and nothing else", async () => {
  const org = await organiser(db);
  const scheme = await makeScheme(db, { placeCode: "E08000015" });
  const { process } = ok(await services(db).processes.createBallot(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId, { areaCode: "E08000015" })), housingSchemeId: scheme.id, question: "Build here?", minTurnoutPercent: 10, approvalPercent: 50,
  }));
  const opened = await open(db, process);
  const roll = await residents(db, opened, 3, () => wirral);
  for (const r of roll) ok(await services(db).voting.cast(r, { processId: opened.id, choice: BallotChoice.YES, idempotencyKey: key() }));
  ok(await services(db, AFTER).results.declare(asAdmin, opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  const day = londonDate(AFTER);
  expect(await decisionsApi.regionFigures(db, [wirral], day, day)).toEqual({
    processesDeclared: 1, budgets: 0, ballots: 1, panels: 0, participantsRegistered: 3, votesCast: 3, bindingOutcomes: 1, ballotsApproved: 1,
    allocatedByBudgetsPence: 0, pitchesFunded: 0,
  });
  expect((await decisionsApi.regionFigures(db, [liverpool], day, day)).ballots).toBe(0);
  expect((await decisionsApi.regionFigures(db, [wirral], addDays(day, 1), addDays(day, 30))).processesDeclared).toBe(0);
  const region = await placeId(db, "E47000004");
  expect((await decisionsApi.regionFigures(db, [region], day, day)).ballots).toBe(1);
  // The combined authority's region summary shows them beside the other modules' figures.
  const summary = await app.ok(`query($p: ID!, $d: Date!) { regionSummary(placeId: $p, from: $d, to: $d) {
    communityDecisions { processesDeclared ballots votesCast ballotsApproved allocatedByBudgets { pence } } } }`,
    { p: toGlobalId("Place", wirral), d: day }, await app.signIn((await makeUser(db, { roles: [Role.ANALYST] })).email, TEST_PASSWORD));
  expect(summary.regionSummary.communityDecisions).toEqual({
    processesDeclared: 1, ballots: 1, votesCast: 3, ballotsApproved: 1, allocatedByBudgets: { pence: 0 },
  });
});

test("the processes list filters by area (places inside included), kind and status in one statement", async () => {
  const q = `query($f: DecisionProcessFilter) { decisionProcesses(first: 50, filter: $f) { totalCount nodes { kind status area { name } } } }`;
  const inWirral = await app.run(q, { f: { placeIds: [toGlobalId("Place", wirral)] } });
  expect(inWirral.errors).toBeUndefined();
  expect(inWirral.sql).toBe(1);
  expect(inWirral.data!.decisionProcesses.nodes.every((n: { area: { name: string } }) => n.area.name === "Wirral")).toBe(true);
  const region = toGlobalId("Place", await placeId(db, "E47000004"));
  const all = (await app.ok(q, { f: { placeIds: [region] } })).decisionProcesses.totalCount;
  const ballots = (await app.ok(q, { f: { placeIds: [region], kinds: ["BALLOT"], statuses: ["DECLARED"] } })).decisionProcesses;
  expect(all).toBeGreaterThan(ballots.totalCount);
  expect(ballots.nodes.every((n: { kind: string; status: string }) => n.kind === "BALLOT" && n.status === "DECLARED")).toBe(true);
  expect(ballots.totalCount).toBeGreaterThan(0);
});
