// Participatory budgets and panel decisions on PostgreSQL: pitches within the pot, votes per voter, the most-voted
// pitches that fit funded, a binding result making its awards in the fund's round in one transaction, participation by
// place and group with barriers, the panel's decisions read from its round, and the region's figures.
import type { DataSource } from "typeorm";
import { startTestApp, TestApp } from "../support/test-app";
import { rowCounts } from "../support/row-counts";
import { placeId, viewerWith } from "../support/organisation-factories";
import { insertPlaces } from "../support/places";
import { makeUser } from "../support/factories";
import { expectLedgerBalanced, makeApplicant, makeFund, makePanel, makeRound, makeReviewedApplication, offer } from "../support/fund-factories";
import { actorOf, AFTER, asAdmin, basics, codes, key, NOW, ok, open, organiser, services } from "../support/decision-factories";
import { VotingService } from "../../src/modules/decisions/voting.service";
import { DecisionEffect, DecisionOutcome, ParticipantGroup, ParticipationBarrier } from "../../src/modules/decisions/decisions.enums";
import { decisionsApi } from "../../src/modules/decisions/decisions.api";
import { toGlobalId } from "../../src/graphql/ids";
import { londonDate } from "../../src/kit/calendar";

let app: TestApp;
let db: DataSource;
let liverpool: string;
let wards: string[];
beforeAll(async () => {
  app = await startTestApp();
  db = app.db;
  liverpool = await placeId(db, "E08000012");
  wards = await insertPlaces(db, "E08000012", ["Princes Park", "Riverside"]);
});
afterAll(async () => { await app.close(); });

const voter = async () => actorOf(viewerWith({ userId: (await makeUser(db)).id }));

test("a binding budget in a fund's round funds the most-voted pitches that fit, and the fund makes their awards", async () => {
  const org = await organiser(db);
  const fund = await makeFund(db, { contributions: [10_000_000], minAwardPence: 100_000, maxAwardPence: 2_000_000 });
  const round = await makeRound(db, fund.id, (await makePanel(db)).panelId);
  const { process } = ok(await services(db).processes.createBudget(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId)), potPence: 3_000_000, votesPerVoter: 2, fundRoundId: round.id,
  }));
  const pitchers = [await makeApplicant(db, "Granby Workshop"), await makeApplicant(db, "Kitchen Table CIC"), await makeApplicant(db, "Lodge Lane Growers")];
  const asks = [1_500_000, 2_000_000, 1_000_000];
  const pitches: { id: string }[] = [];
  for (const [i, p] of pitchers.entries()) {
    pitches.push(ok(await services(db).processes.submitPitch(actorOf(p.viewer), {
      processId: process.id, organisationId: p.organisationId, title: `Pitch ${i}`, summary: "For the street.", amountPence: asks[i],
    })).pitch);
  }
  const before = await rowCounts(db);
  expect(codes(await services(db).processes.submitPitch(actorOf(pitchers[0].viewer), {
    processId: process.id, organisationId: pitchers[0].organisationId, title: "Too big", summary: "More than the pot.", amountPence: 3_000_001,
  }))).toEqual(["PITCH_OVER_POT"]);
  expect(await rowCounts(db)).toEqual(before);

  const opened = await open(db, process, actorOf(org.viewer));
  // Votes: pitch 0 gets 5, pitch 1 gets 4, pitch 2 gets 3. 0 (£15k) fits; 1 (£20k) does not fit in £15k left; 2 (£10k) does.
  const ballots = [[0, 1], [0, 1], [0, 1], [0, 2], [0, 2], [1, 2]];
  for (const [i, chosen] of ballots.entries()) {
    const v = await voter();
    ok(await services(db).voting.register(v, {
      processId: opened.id, placeId: wards[i % 2], groups: i < 2 ? [ParticipantGroup.CARER] : [], barriers: i === 0 ? [ParticipationBarrier.CARING_DUTIES, ParticipationBarrier.HOURS] : [],
    }));
    ok(await services(db).voting.cast(v, { processId: opened.id, pitchIds: chosen.map((c) => pitches[c].id), idempotencyKey: key() }));
  }
  const tooMany = await voter();
  ok(await services(db).voting.register(tooMany, { processId: opened.id, placeId: liverpool }));
  expect(codes(await services(db).voting.cast(tooMany, { processId: opened.id, pitchIds: pitches.map((p) => p.id), idempotencyKey: key() }))).toEqual(["TOO_MANY_VOTES"]);

  const declared = ok(await services(db, AFTER).results.declare(actorOf(org.viewer), opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  expect(declared.result).toMatchObject({ outcome: DecisionOutcome.FUNDED, electorate: 7, votesCast: 6, allocatedPence: 2_500_000 });
  const agreements: { organisation_id: string; amount_pence: number; cash_repayable_pence: number; round_id: string }[] = await db.query(
    "SELECT organisation_id, amount_pence, cash_repayable_pence, round_id FROM agreement WHERE round_id = $1 ORDER BY amount_pence", [round.id]);
  expect(agreements).toEqual([
    { organisation_id: pitchers[2].organisationId, amount_pence: 1_000_000, cash_repayable_pence: 0, round_id: round.id },
    { organisation_id: pitchers[0].organisationId, amount_pence: 1_500_000, cash_repayable_pence: 0, round_id: round.id },
  ]);
  await expectLedgerBalanced(db);
  const events: { type: string; data: { outcome?: string; agreementIds?: string[] } }[] = await db.query(
    "SELECT type, data FROM domain_event WHERE subject_type = 'DecisionProcess' AND subject_id = $1 ORDER BY id", [opened.id]);
  expect(events.map((e) => e.type)).toEqual(["decision.opened", "decision.declared"]);
  expect(events[1].data).toMatchObject({ outcome: "FUNDED", agreementIds: expect.arrayContaining([expect.any(String)]) });
  expect(events[1].data.agreementIds).toHaveLength(2);

  const q = `query($id: ID!) { node(id: $id) { ... on DecisionProcess { status pot { pence } result { outcome allocated { pence } recountMatches turnoutPercent }
    pitches(first: 10) { nodes { title votes funded amount { pence } organisation { name } } }
    votes(first: 20) { totalCount nodes { choice pitchIds } }
    participation { registered voted byPlace { place { name } registered voted } byGroup { group registered voted } barriers { barrier reported } } } } }`;
  const shown = (await app.ok(q, { id: toGlobalId("DecisionProcess", opened.id) })).node;
  expect(shown.result).toEqual({ outcome: "FUNDED", allocated: { pence: 2_500_000 }, recountMatches: true, turnoutPercent: 85.7 });
  expect(shown.pitches.nodes.map((p: { votes: number; funded: boolean }) => [p.votes, p.funded])).toEqual([[5, true], [4, false], [3, true]]);
  // Anyone can recount the published votes and get the declared figures.
  const recount = new Map<string, number>();
  for (const v of shown.votes.nodes as { pitchIds: string[] }[]) for (const id of v.pitchIds) recount.set(id, (recount.get(id) ?? 0) + 1);
  expect(pitches.map((p) => recount.get(toGlobalId("DecisionPitch", p.id)))).toEqual([5, 4, 3]);
  expect(shown.participation).toMatchObject({ registered: 7, voted: 6, byGroup: [{ group: "CARER", registered: 2, voted: 2 }],
    barriers: [{ barrier: "CARING_DUTIES", reported: 1 }, { barrier: "HOURS", reported: 1 }] });
  expect(shown.participation.byPlace.map((p: { registered: number }) => p.registered).sort()).toEqual([1, 3, 3]);

  const figures = await decisionsApi.regionFigures(db, [liverpool], londonDate(AFTER), londonDate(AFTER));
  expect(figures).toMatchObject({ budgets: 1, participantsRegistered: 7, votesCast: 6, bindingOutcomes: 1, allocatedByBudgetsPence: 2_500_000, pitchesFunded: 2 });
});

test("when the fund cannot cover the winning pitches, declaring is refused and nothing is written", async () => {
  const org = await organiser(db);
  const fund = await makeFund(db, { contributions: [500_000] });
  const round = await makeRound(db, fund.id, (await makePanel(db)).panelId);
  const { process } = ok(await services(db).processes.createBudget(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId)), potPence: 2_000_000, votesPerVoter: 1, fundRoundId: round.id,
  }));
  const pitcher = await makeApplicant(db);
  const { pitch } = ok(await services(db).processes.submitPitch(actorOf(pitcher.viewer), {
    processId: process.id, organisationId: pitcher.organisationId, title: "Community café", summary: "Evenings too.", amountPence: 1_000_000,
  }));
  const opened = await open(db, process);
  const v = await voter();
  ok(await services(db).voting.register(v, { processId: opened.id, placeId: liverpool }));
  ok(await services(db).voting.cast(v, { processId: opened.id, pitchIds: [pitch.id], idempotencyKey: key() }));
  const before = await rowCounts(db);
  const refused = await services(db, AFTER).results.declare(asAdmin, opened.id, { expectedVersion: opened.version, idempotencyKey: key() });
  expect(codes(refused)).toEqual(["FUND_OVERDRAWN"]);
  expect(await rowCounts(db)).toEqual(before);
});

test("an advisory budget and a pitch outside a fund's round make no awards; a registration outside the window is refused", async () => {
  const org = await organiser(db);
  const { process } = ok(await services(db).processes.createBudget(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId, { effect: DecisionEffect.ADVISORY })), potPence: 500_000, votesPerVoter: 1,
  }));
  const pitcher = await organiser(db);
  const { pitch } = ok(await services(db).processes.submitPitch(actorOf(pitcher.viewer), {
    processId: process.id, organisationId: pitcher.organisationId, title: "Bulb swap", summary: "Warm homes.", amountPence: 400_000,
  }));
  const opened = await open(db, process);
  expect(codes(await services(db).processes.submitPitch(actorOf(pitcher.viewer), {
    processId: process.id, organisationId: pitcher.organisationId, title: "Late", summary: "After opening.", amountPence: 1,
  }))).toEqual(["PITCHES_CLOSED"]);
  const v = await voter();
  ok(await services(db).voting.register(v, { processId: opened.id, placeId: liverpool }));
  ok(await services(db).voting.cast(v, { processId: opened.id, pitchIds: [pitch.id], idempotencyKey: key() }));
  expect(codes(await new VotingService(db, () => AFTER).register(await voter(), { processId: opened.id, placeId: liverpool }))).toEqual(["REGISTRATION_CLOSED"]);
  const declared = ok(await services(db, AFTER).results.declare(asAdmin, opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  expect(declared.result).toMatchObject({ outcome: DecisionOutcome.FUNDED, allocatedPence: 400_000 });
  const [{ n }] = await db.query("SELECT count(*)::int AS n FROM decision_pitch WHERE process_id = $1 AND agreement_id IS NOT NULL", [opened.id]);
  expect(n).toBe(0);
  void NOW;
});

test("a panel decision records who delegated the power and reads what the round's panel decided", async () => {
  const org = await organiser(db);
  const fund = await makeFund(db, { contributions: [20_000_000] });
  const { application } = await makeReviewedApplication(db, fund);
  ok(await offer(db, application, { amountPence: 2_500_000 }));
  const roundId = application.roundId!;
  const { process } = ok(await services(db).processes.createPanelDecision(actorOf(org.viewer), {
    ...(await basics(db, org.organisationId, { delegatedBy: "The fund's board", answersTo: "The network's members' meeting" })), fundRoundId: roundId,
  }));
  const opened = await open(db, process, actorOf(org.viewer));
  expect(codes(await services(db).voting.register(await voter(), { processId: opened.id, placeId: liverpool }))).toEqual(["WRONG_KIND"]);
  const declared = ok(await services(db, AFTER).results.declare(actorOf(org.viewer), opened.id, { expectedVersion: opened.version, idempotencyKey: key() }));
  expect(declared.result).toMatchObject({ outcome: DecisionOutcome.RECORDED, applicationsOffered: 1, applicationsDeclined: 0, applicationsUndecided: 0, offeredPence: 2_500_000 });
  const shown = (await app.ok(`query($id: ID!) { node(id: $id) { ... on DecisionProcess { kind delegatedBy answersTo effect fundRound { name } result { offered { pence } } } } }`,
    { id: toGlobalId("DecisionProcess", opened.id) })).node;
  expect(shown).toMatchObject({ kind: "PANEL", delegatedBy: "The fund's board", answersTo: "The network's members' meeting", effect: "BINDING", result: { offered: { pence: 2_500_000 } } });
  expect(shown.fundRound.name).toBeTruthy();
});

test("the processes list reads its relations in the same statements whatever the page size", async () => {
  const q = `query($n: Int!) { decisionProcesses(first: $n) { totalCount nodes { title organiser { name } area { name } pot { pence }
    result { outcome recountMatches allocated { pence } } pitches(first: 3) { nodes { title amount { pence } organisation { name } } }
    participation { registered byPlace { place { name } } } viewerRegistration { hasVoted place { name } } fundRound { name } } } }`;
  const someone = viewerWith({ userId: (await makeUser(db)).id });
  // Two processes already include a declared one, so the small page reads every kind of relation the large one does.
  const few = await app.run(q, { n: 2 }, someone);
  const many = await app.run(q, { n: 20 }, someone);
  expect(few.errors).toBeUndefined();
  expect(few.data!.decisionProcesses.nodes.some((p: { result: unknown }) => p.result)).toBe(true);
  expect(many.data!.decisionProcesses.nodes.length).toBeGreaterThan(3);
  expect(many.errors).toBeUndefined();
  expect(many.sql).toBe(few.sql);
});

test("mutations answer bad input with userErrors over the API", async () => {
  const org = await organiser(db);
  const m = `mutation($input: CreateResidentBallotInput!) { createResidentBallot(input: $input) { process { id } userErrors { field code } } }`;
  const r = await app.ok(m, { input: {
    title: "Ballot", organiserOrganisationId: toGlobalId("Organisation", org.organisationId), areaPlaceId: toGlobalId("Place", liverpool),
    effect: "BINDING", delegatedBy: "Council", answersTo: "Council", opensAt: "2026-11-20T12:00:00Z", closesAt: "2026-11-20T11:00:00Z",
    question: "Yes?", minTurnoutPercent: 101, approvalPercent: 50,
  } }, org.viewer);
  expect(r.createResidentBallot.process).toBeNull();
  expect(r.createResidentBallot.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(["ONE_PROPOSAL", "OUT_OF_RANGE", "WINDOW_BACKWARDS"]);
});
