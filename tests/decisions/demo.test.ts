// The demo data shows community decisions off: a binding participatory budget with pitches, votes and funded projects, and a binding resident ballot with its turnout and thresholds, each recounting to its result.
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_BALLOT, DEMO_BUDGET } from "../../src/modules/decisions/decisions.demo";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
}, 120_000);
afterAll(async () => { await app.close(); });

const PROCESSES = `{ decisionProcesses(first: 10) { nodes { title kind effect status pot { pence } minTurnoutPercent approvalPercent assetTransfer { id }
  result { outcome electorate votesCast turnoutPercent turnoutMet approvalMet yesVotes noVotes allocated { pence } recountMatches }
  pitches(first: 10) { nodes { title votes funded amount { pence } } }
  participation { registered voted byPlace { registered } byGroup { group } barriers { barrier reported } } } } }`;

test("the budget funds its most-voted pitches that fit", async () => {
  const { decisionProcesses } = await app.ok(PROCESSES);
  const budget = decisionProcesses.nodes.find((p: { title: string }) => p.title === DEMO_BUDGET);
  expect(budget).toMatchObject({ kind: "PARTICIPATORY_BUDGET", effect: "BINDING", status: "DECLARED", pot: { pence: 3_000_000 } });
  expect(budget.pitches.nodes).toHaveLength(5);
  expect(budget.result).toMatchObject({ outcome: "FUNDED", electorate: 30, votesCast: 26, recountMatches: true });
  const funded = budget.pitches.nodes.filter((p: { funded: boolean }) => p.funded);
  expect(funded.length).toBeGreaterThan(1);
  expect(funded.length).toBeLessThan(5);
  expect(budget.result.allocated.pence).toBe(funded.reduce((s: number, p: { amount: { pence: number } }) => s + p.amount.pence, 0));
  expect(budget.participation.byPlace.length).toBeGreaterThan(1);
});

test("the ballot shows its turnout against its thresholds", async () => {
  const { decisionProcesses } = await app.ok(PROCESSES);
  const ballot = decisionProcesses.nodes.find((p: { title: string }) => p.title === DEMO_BALLOT);
  expect(ballot).toMatchObject({ kind: "BALLOT", minTurnoutPercent: 60, approvalPercent: 67 });
  expect(ballot.result).toMatchObject({ outcome: "APPROVED", electorate: 16, votesCast: 12, turnoutPercent: 75, turnoutMet: true, approvalMet: true,
    yesVotes: 9, noVotes: 3, recountMatches: true });
});
