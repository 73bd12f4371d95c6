// Resident ballots on PostgreSQL: the roll by place, one vote each inside the window, thresholds fixed before opening,
// counts that match an independent recount, a binding rejection that stops a transfer completing, and no way to link
// a voter to a vote.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { startTestApp, TestApp } from "../support/test-app";
import { rowCounts } from "../support/row-counts";
import { raceTest } from "../support/races";
import { placeId } from "../support/organisation-factories";
import { makeAsset, transferAt } from "../support/asset-factories";
import { makeScheme } from "../support/housing-factories";
import { makeUser } from "../support/factories";
import { viewerWith } from "../support/organisation-factories";
import {
  actorOf, AFTER, asAdmin, basics, codes, key, NOW, ok, open, organiser, residents, services,
} from "../support/decision-factories";
import { TransfersService } from "../../src/modules/assets/transfers/transfers.service";
import { TransferStage } from "../../src/modules/assets/assets.enums";
import { BallotChoice, DecisionEffect, DecisionOutcome } from "../../src/modules/decisions/decisions.enums";
import type { DecisionProcess } from "../../src/modules/decisions/process.entity";
import { toGlobalId } from "../../src/graphql/ids";

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

async function ballotOnTransfer(o: { effect?: DecisionEffect; minTurnoutPercent?: number; approvalPercent?: number } = {}) {
  const org = await organiser(db);
  const transfer = await transferAt(db, await makeAsset(db), TransferStage.HEADS_OF_TERMS);
  const { process } = ok(await services(db).processes.createBallot(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId, { effect: o.effect ?? DecisionEffect.BINDING })),
    transferId: transfer.id, question: "Should the community hub pass to the residents' trust?",
    minTurnoutPercent: o.minTurnoutPercent ?? 40, approvalPercent: o.approvalPercent ?? 60,
  }));
  return { org, transfer, process };
}

/** An independent recount, straight from the stored votes. */
async function recount(processId: string) {
  const [row] = await db.query(`SELECT count(*) FILTER (WHERE choice = 'YES')::int AS yes, count(*) FILTER (WHERE choice = 'NO')::int AS no
    FROM decision_vote WHERE process_id = $1`, [processId]);
  return row as { yes: number; no: number };
}

async function vote(actor: ReturnType<typeof actorOf>, process: DecisionProcess, choice: BallotChoice, now = NOW) {
  return services(db, now).voting.cast(actor, { processId: process.id, choice, idempotencyKey: key() });
}

test("a binding ballot stops its transfer completing while open and once it rejects it; the count matches a recount and the thresholds say why", async () => {
  const { org, transfer, process } = await ballotOnTransfer({ minTurnoutPercent: 40, approvalPercent: 60 });
  const opened = await open(db, process, actorOf(org.viewer));
  const whileOpen = await new TransfersService(db, () => "2026-12-01")
    .move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED, on: "2025-01-10" });
  expect(codes(whileOpen)).toEqual(["BALLOT_OPEN"]);
  const roll = await residents(db, opened, 10, () => liverpool);
  // 6 of 10 vote: turnout 60% (met); 3 YES of 6 is 50% (under 60%): rejected.
  for (const [i, r] of roll.slice(0, 6).entries()) ok(await vote(r, opened, i < 3 ? BallotChoice.YES : BallotChoice.NO));
  const declared = ok(await services(db, AFTER).results.declare(actorOf(org.viewer), opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  expect(declared.result).toMatchObject({ outcome: DecisionOutcome.REJECTED, electorate: 10, votesCast: 6, yesVotes: 3, noVotes: 3, turnoutMet: true, approvalMet: false });
  expect(await recount(opened.id)).toEqual({ yes: declared.result.yesVotes, no: declared.result.noVotes });

  const completing = await new TransfersService(db, () => "2026-12-01")
    .move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED, on: "2025-01-10" });
  expect(codes(completing)).toEqual(["BALLOT_REJECTED"]);

  const q = `query($id: ID!) { node(id: $id) { ... on AssetTransfer { communityBallots { effect result { outcome turnoutPercent recountMatches yesVotes noVotes } } } } }`;
  const shown = await app.ok(q, { id: toGlobalId("AssetTransfer", transfer.id) });
  expect(shown.node).toBeNull(); // the case itself is private to its parties
  const asStaff = await app.ok(q, { id: toGlobalId("AssetTransfer", transfer.id) }, asAdmin.viewer);
  expect(asStaff.node.communityBallots).toEqual([{ effect: "BINDING", result: { outcome: "REJECTED", turnoutPercent: 60, recountMatches: true, yesVotes: 3, noVotes: 3 } }]);
});

test("an approved or advisory ballot leaves the transfer free to complete", async () => {
  const { org, transfer, process } = await ballotOnTransfer({ effect: DecisionEffect.ADVISORY });
  const opened = await open(db, process, actorOf(org.viewer));
  const [r] = await residents(db, opened, 1, () => liverpool);
  ok(await vote(r, opened, BallotChoice.NO));
  const declared = ok(await services(db, AFTER).results.declare(actorOf(org.viewer), opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  expect(declared.result.outcome).toBe(DecisionOutcome.REJECTED);
  const completing = await new TransfersService(db, () => "2026-12-01")
    .move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED, on: "2025-01-10" });
  expect(codes(completing)).toEqual([]);
});

test("a ballot on a housing scheme is approved only when turnout and approval both reach the thresholds", async () => {
  const org = await organiser(db);
  const scheme = await makeScheme(db);
  const { process } = ok(await services(db).processes.createBallot(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId)), housingSchemeId: scheme.id, question: "Should the CLT build eight homes on Lodge Lane?",
    minTurnoutPercent: 50, approvalPercent: 50,
  }));
  const opened = await open(db, process, actorOf(org.viewer));
  const roll = await residents(db, opened, 4, () => liverpool);
  ok(await vote(roll[0], opened, BallotChoice.YES));
  ok(await vote(roll[1], opened, BallotChoice.NO));
  const declared = ok(await services(db, AFTER).results.declare(asAdmin, opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  expect(declared.result).toMatchObject({ outcome: DecisionOutcome.APPROVED, turnoutMet: true, approvalMet: true });
  const shown = await app.ok(`query($id: ID!) { node(id: $id) { ... on HousingScheme { communityBallots { question minTurnoutPercent approvalPercent result { outcome electorate votesCast } } } } }`,
    { id: toGlobalId("HousingScheme", scheme.id) });
  expect(shown.node.communityBallots).toEqual([{ question: "Should the CLT build eight homes on Lodge Lane?", minTurnoutPercent: 50, approvalPercent: 50,
    result: { outcome: "APPROVED", electorate: 4, votesCast: 2 } }]);
});

describe("bad input is refused with nothing written", () => {
  let process: DecisionProcess;
  let org: Awaited<ReturnType<typeof organiser>>;
  beforeAll(async () => {
    ({ org, process } = await ballotOnTransfer());
  });

  test("thresholds cannot change once the ballot opens", async () => {
    const draft = ok(await services(db).processes.update(actorOf(org.viewer), process.id, { expectedVersion: process.version, minTurnoutPercent: 30 })).process;
    expect(draft.minTurnoutPercent).toBe(30);
    process = await open(db, draft, actorOf(org.viewer));
    const before = await rowCounts(db);
    const r = await services(db).processes.update(actorOf(org.viewer), process.id, { expectedVersion: process.version, approvalPercent: 51 });
    expect(codes(r)).toEqual(["RULES_FIXED"]);
    expect(await rowCounts(db)).toEqual(before);
  });

  test("a voter outside the area, voting unregistered, twice, or outside the window", async () => {
    const outsider = actorOf(viewerWith({ userId: (await makeUser(db)).id }));
    const before = await rowCounts(db);
    expect(codes(await services(db).voting.register(outsider, { processId: process.id, placeId: wirral }))).toEqual(["VOTER_OUTSIDE_AREA"]);
    expect(codes(await vote(outsider, process, BallotChoice.YES))).toEqual(["NOT_REGISTERED"]);
    expect(await rowCounts(db)).toEqual(before);

    const [r] = await residents(db, process, 1, () => liverpool);
    const early = new Date(process.opensAt.getTime() - 1000);
    const late = new Date(process.closesAt.getTime());
    const counted = await rowCounts(db);
    expect(codes(await vote(r, process, BallotChoice.YES, early))).toEqual(["VOTING_CLOSED"]);
    expect(codes(await vote(r, process, BallotChoice.YES, late))).toEqual(["VOTING_CLOSED"]);
    expect(codes(await services(db).voting.cast(r, { processId: process.id, pitchIds: [process.id], idempotencyKey: key() }))).toEqual(["REQUIRED", "NOT_FOR_KIND"]);
    expect(await rowCounts(db)).toEqual(counted);
    ok(await vote(r, process, BallotChoice.YES));
    const voted = await rowCounts(db);
    expect(codes(await vote(r, process, BallotChoice.NO))).toEqual(["ALREADY_VOTED"]);
    expect(await rowCounts(db)).toEqual(voted);
  });

  test("the result is not declared before voting closes, nor by someone who does not organise", async () => {
    const stranger = actorOf(viewerWith({ userId: (await makeUser(db)).id }));
    expect(codes(await services(db, AFTER).results.declare(stranger, process.id, { expectedVersion: process.version, idempotencyKey: key() }))).toEqual(["NOT_ALLOWED"]);
    expect(codes(await services(db).results.declare(asAdmin, process.id, { expectedVersion: process.version, idempotencyKey: key() }))).toEqual(["VOTING_NOT_CLOSED"]);
  });
});

test("a retried vote with the same key counts once and answers as the first", async () => {
  const { process } = await ballotOnTransfer();
  const opened = await open(db, process);
  const [r] = await residents(db, opened, 1, () => liverpool);
  const k = key();
  const first = ok(await services(db).voting.cast(r, { processId: opened.id, choice: BallotChoice.YES, idempotencyKey: k }));
  const again = ok(await services(db).voting.cast(r, { processId: opened.id, choice: BallotChoice.YES, idempotencyKey: k }));
  expect([first.counted, again.counted]).toEqual([true, true]);
  expect(await recount(opened.id)).toEqual({ yes: 1, no: 0 });
});

raceTest("fifty votes at once from one resident count once; fifty residents at once each count", async () => {
  const { process } = await ballotOnTransfer();
  const opened = await open(db, process);
  const [one] = await residents(db, opened, 1, () => liverpool);
  const same = await Promise.all(Array.from({ length: 50 }, (_, i) =>
    services(db).voting.cast(one, { processId: opened.id, choice: i % 2 ? BallotChoice.YES : BallotChoice.NO, idempotencyKey: key() })));
  expect(same.filter((r) => !("errors" in r))).toHaveLength(1);
  expect(new Set(same.flatMap(codes))).toEqual(new Set(["ALREADY_VOTED"]));
  const sameKey = key();
  const [two] = await residents(db, opened, 1, () => liverpool);
  const replayed = await Promise.all(Array.from({ length: 50 }, () => services(db).voting.cast(two, { processId: opened.id, choice: BallotChoice.YES, idempotencyKey: sameKey })));
  expect(replayed.every((r) => !("errors" in r))).toBe(true);
  const many = await residents(db, opened, 50, () => liverpool);
  const all = await Promise.all(many.map((r, i) => services(db).voting.cast(r, { processId: opened.id, choice: i < 30 ? BallotChoice.YES : BallotChoice.NO, idempotencyKey: key() })));
  expect(all.flatMap(codes)).toEqual([]);
  const counted = await recount(opened.id);
  expect(counted.yes + counted.no).toBe(52);
  const [{ voted }] = await db.query("SELECT count(*) FILTER (WHERE has_voted)::int AS voted FROM decision_voter WHERE process_id = $1", [opened.id]);
  expect(voted).toBe(52);
}, 60_000);

test("no query links a voter to a vote: the roll is never listed and votes carry no voter, time or order", async () => {
  const { process } = await ballotOnTransfer();
  const opened = await open(db, process);
  const [r] = await residents(db, opened, 1, () => liverpool);
  ok(await vote(r, opened, BallotChoice.YES));
  // Nothing stored with a vote names or dates anyone.
  const columns: { column_name: string }[] = await db.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'decision_vote' ORDER BY column_name");
  expect(columns.map((c) => c.column_name)).toEqual(["choice", "id", "pitch_ids", "process_id"]);
  // The voter's idempotency record and audit entry name the process, never the vote or its choice.
  const [audit] = await db.query("SELECT entity_type, changes FROM audit_event WHERE action = 'decision.vote' AND actor_user_id = $1", [r.viewer.userId]);
  expect(audit).toEqual({ entity_type: "DecisionProcess", changes: {} });
  const [idem] = await db.query("SELECT result_ref FROM idempotency_key WHERE scope = $1", [`decisions.castVote:${r.viewer.userId}`]);
  expect(idem.result_ref).toBe(opened.id);
  // The schema offers nothing from a vote to a person, or from the roll to a vote.
  const schema = readFileSync(join(__dirname, "../../schema.graphql"), "utf8");
  const fieldsOf = (type: string) => [...schema.slice(schema.indexOf(`type ${type} `)).split("\n}")[0].matchAll(/^  (\w+)[(:]/gm)].map((m) => m[1]).sort();
  expect(fieldsOf("DecisionVote")).toEqual(["choice", "id", "pitchIds"]);
  expect(fieldsOf("VoterRegistration")).toEqual(["barriers", "groups", "hasVoted", "place"]);
  expect(schema).not.toMatch(/type DecisionVoter\b/);
  // Before the result, the votes are not published at all.
  const q = `query($id: ID!) { node(id: $id) { ... on DecisionProcess { votes(first: 5) { totalCount } } } }`;
  expect((await app.ok(q, { id: toGlobalId("DecisionProcess", opened.id) })).node.votes.totalCount).toBe(0);
});
