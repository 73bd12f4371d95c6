// The demo register tells the truth about eligibility: every ELIGIBLE organisation is borne out by its record under the
// thresholds its latest assessment used, or that assessment carries an override reason for each contradicted fact.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { loadDemoData } from "../../demo/demo";
import { allModules } from "../../app";
import { createLogger } from "../../log";
import { DEMO_PASSWORD, DEMO_USERS } from "../../demo/demo-accounts";
import { contradictions, STO_TESTS } from "./eligibility-evidence";
import { LegalForm, STATUTORY_ASSET_LOCK, StoTest } from "./organisation.enums";

const ELIGIBLE = `query($after: String) { organisations(first: 100, after: $after, filter: { stoStatuses: [ELIGIBLE], includeArchived: true }) {
  pageInfo { hasNextPage endCursor }
  nodes { name legalForm assetLocked assetLockDeclared tradingIncomePercent surplusDestination
    governance { boardSize communityBoardMembers }
    latestAssessment { outcome overrideReason thresholds { minTradingIncomePercent minCommunityBoardPercent assetLockRequired }
      tests { test met contradictedBy } } } } }`;

type Org = {
  name: string; legalForm: LegalForm; assetLocked: boolean; assetLockDeclared: boolean; tradingIncomePercent: number | null;
  surplusDestination: string | null; governance: { boardSize: number | null; communityBoardMembers: number | null };
  latestAssessment: {
    outcome: string; overrideReason: string | null;
    thresholds: { minTradingIncomePercent: number; minCommunityBoardPercent: number; assetLockRequired: boolean };
    tests: { test: StoTest; met: boolean; contradictedBy: string | null }[];
  };
};

let app: TestApp;
let eligible: Org[];
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  const admin = await app.signIn(DEMO_USERS.admin.email, DEMO_PASSWORD);
  eligible = [];
  for (let after: string | null = null; ;) {
    const page: { organisations: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Org[] } } = await app.ok(ELIGIBLE, { after }, admin);
    eligible.push(...page.organisations.nodes);
    if (!page.organisations.pageInfo.hasNextPage) break;
    after = page.organisations.pageInfo.endCursor;
  }
}, 120_000);
afterAll(async () => { await app.close(); });

test("every ELIGIBLE demo organisation is borne out by its record, or its assessment says why not in an override", () => {
  expect(eligible.length).toBeGreaterThan(20);
  const overridden: string[] = [];
  for (const o of eligible) {
    const a = o.latestAssessment;
    expect({ name: o.name, outcome: a.outcome, allMet: a.tests.every((t) => t.met) }).toEqual({ name: o.name, outcome: "ELIGIBLE", allMet: true });
    expect(o.assetLocked).toBe(STATUTORY_ASSET_LOCK.has(o.legalForm) || o.assetLockDeclared);
    const found = contradictions({ ...o, ...o.governance, surplusDestination: o.surplusDestination as never }, a.thresholds);
    const contradicted = STO_TESTS.filter((t) => found[t.test]).map((t) => t.test);
    // What the record contradicts today is what the assessment recorded as overridden, and nothing stands without a reason.
    expect({ name: o.name, contradicted: a.tests.filter((t) => t.contradictedBy).map((t) => t.test) }).toEqual({ name: o.name, contradicted });
    if (contradicted.length) {
      expect({ name: o.name, overrideReason: a.overrideReason }).toEqual({ name: o.name, overrideReason: expect.stringMatching(/^\S.{20,}/) });
      overridden.push(o.name);
    } else {
      expect({ name: o.name, overrideReason: a.overrideReason }).toEqual({ name: o.name, overrideReason: null });
    }
  }
  // The demo keeps deliberately borderline cases, each with its reason.
  expect(overridden.length).toBeGreaterThanOrEqual(2);
});

test("the demo's ELIGIBLE organisations include no sole trader or partnership, none trading under the minimum without an override, and none community-led without community board members", () => {
  for (const o of eligible) {
    expect({ name: o.name, form: [LegalForm.SOLE_TRADER, LegalForm.PARTNERSHIP].includes(o.legalForm) }).toEqual({ name: o.name, form: false });
    expect({ name: o.name, communityBoardMembers: o.governance.communityBoardMembers === 0 }).toEqual({ name: o.name, communityBoardMembers: false });
    if ((o.tradingIncomePercent ?? 100) < o.latestAssessment.thresholds.minTradingIncomePercent) expect(o.latestAssessment.overrideReason).not.toBeNull();
  }
});
