// Every contract operation whose module exists runs, exactly as written, against the demo data set.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";
import { toGlobalId } from "../../src/graphql/ids";
import { londonDate } from "../../src/kit/calendar";
import served from "./served.json";

const CONTRACT_DIR = join(__dirname, "../../../shared/contract");
/** The operations live beside the repository (CI has them); a clone on its own reports them as not checked. */
const CONTRACTS_PRESENT = existsSync(CONTRACT_DIR);
const contractTest = CONTRACTS_PRESENT ? test : test.skip;
if (!CONTRACTS_PRESENT) {
  test.skip(`client operations not checked: ${CONTRACT_DIR} is not beside this clone (CI has it)`, () => undefined);
}

type Check = (data: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Case { variables(app: TestApp): Promise<Record<string, unknown>>; as?: keyof typeof DEMO_USERS; check: Check }

async function idOf(app: TestApp, type: string, sql: string): Promise<string> {
  const [row] = await app.db.query(sql);
  return toGlobalId(type, row.id);
}

/** Variables for each operation, taken from the demo data, and what the answer must show. */
const CASES: Record<string, Case> = {
  "portal/SignIn.graphql": {
    variables: async () => ({ email: DEMO_USERS.owner.email, password: DEMO_PASSWORD }),
    check: (d) => {
      expect(d.signIn.token).toEqual(expect.any(String));
      expect(d.signIn.viewer.email).toBe(DEMO_USERS.owner.email);
    },
  },
  "portal/OrganisationDirectory.graphql": {
    variables: async (app) => ({ filter: { search: "bakery", placeIds: [await idOf(app, "Place", "SELECT id FROM place WHERE code = 'E08000012'")] } }),
    check: (d) => {
      expect(d.organisations.totalCount).toBeGreaterThan(0);
      expect(d.organisations.edges.map((e: { node: { name: string } }) => e.node.name)).toContain("Toxteth Community Bakery CIC");
    },
  },
  "dashboard/PayItForward.graphql": {
    variables: async () => ({}),
    as: "analyst",
    check: (d) => {
      const [fund] = d.funds.nodes;
      // The demo fund: £5.5m from the combined authority (two tranches) and £1m from a national funder; £20,000 of
      // disbursements are pounds repaid since 2024 and awarded again. Nine agreements: eight single awards and the
      // collective one (accepted, not yet paid out).
      expect(fund).toMatchObject({
        name: "Kindred Pay It Forward Fund", contributed: { pence: 650_000_000 }, disbursed: { pence: 32_000_000 },
        recycled: { pence: 2_000_000 }, agreements: { totalCount: 9 },
      });
      expect(fund.available.pence).toBe(fund.contributed.pence - fund.awarded.pence + fund.repaidCash.pence);
      expect(fund.repaidSocial.pence).toBe(1_900_000);
    },
  },
  "partner/SyncAwards.graphql": {
    variables: async () => ({ since: "2024-01-01T00:00:00Z" }),
    as: "analyst",
    check: (d) => {
      expect(d.agreements.nodes).toHaveLength(9);
      expect(d.agreements.pageInfo.hasNextPage).toBe(false);
      const bakery = d.agreements.nodes.find((a: { organisation: { name: string } }) => a.organisation.name === "Toxteth Community Bakery CIC");
      expect(bakery).toMatchObject({ awardedOn: "2024-04-15", amount: { pence: 2_500_000, currency: "GBP" }, cashRepayable: { pence: 1_500_000 }, socialRepayable: { pence: 1_000_000 }, fund: { name: "Kindred Pay It Forward Fund" } });
    },
  },
  "portal/ApplyForFunding.graphql": {
    variables: async (app) => ({ input: {
      organisationId: await idOf(app, "Organisation", "SELECT id FROM organisation WHERE name = 'Toxteth Community Bakery CIC'"),
      fundId: await idOf(app, "Fund", "SELECT id FROM fund WHERE name = 'Kindred Pay It Forward Fund'"),
      requestedPence: 2500000, purpose: "Kitchen refit so the café can open evenings", idempotencyKey: "4f1c-contract-test",
    } }),
    as: "owner",
    check: (d) => {
      expect(d.submitApplication.userErrors).toEqual([]);
      expect(d.submitApplication.application).toMatchObject({
        status: "SUBMITTED", requested: { pence: 2_500_000 }, organisation: { name: "Toxteth Community Bakery CIC" }, fund: { name: "Kindred Pay It Forward Fund" },
      });
    },
  },
  "portal/OrganisationProfile.graphql": {
    variables: async (app) => ({ id: await idOf(app, "Organisation", "SELECT id FROM organisation WHERE name = 'Toxteth Community Bakery CIC'") }),
    as: "owner",
    check: (d) => {
      expect(d.node.name).toBe("Toxteth Community Bakery CIC");
      expect(d.node).toMatchObject({ legalForm: "CIC_LIMITED_BY_GUARANTEE", assetLocked: true, registeredPlace: { code: "E08000012" } });
      expect(d.node.identifiers[0]).toMatch(/^GB-COH-/);
      // £25,000 received; £10,000 repaid in cash and £4,000 in social value so far.
      expect(d.node.agreements.nodes).toEqual([{
        id: expect.any(String), status: "ACTIVE", fund: { name: "Kindred Pay It Forward Fund" },
        amount: { pence: 2_500_000, formatted: "£25,000.00" }, outstanding: { pence: 1_100_000 },
      }]);
      // The bakery holds the old library on a lease it took through a community asset transfer.
      expect(d.node.assets.nodes).toEqual([{ id: expect.any(String), name: "Former Granby Street Library", kind: "BUILDING", tenure: "LEASE" }]);
      // The bakery's own 2024 return: six measures, valued at the proxies in force at the year's end.
      expect(d.node.impact.measures.map((m: { metric: { code: string } }) => m.metric.code)).toEqual(
        ["APPRENTICESHIPS", "LOCAL_JOBS_CREATED", "LOCAL_SPEND", "MEALS_PROVIDED", "PEOPLE_SUPPORTED", "VOLUNTEER_HOURS"]);
      expect(d.node.impact.socialValue.pence).toBeGreaterThan(0);
    },
  },
  "dashboard/RegionImpact.graphql": {
    variables: async (app) => ({ placeId: await idOf(app, "Place", "SELECT id FROM place WHERE code = 'E47000004'"), from: "2024-01-01", to: "2025-12-31" }),
    as: "analyst",
    check: (d) => {
      type Group = { place: { code: string }; year: number; organisationCount: number | null; socialValue: { pence: number } | null };
      const groups: Group[] = d.impactSummary.groups;
      // Six boroughs × two years; Halton's three reporting organisations are too few to show an analyst.
      expect(groups).toHaveLength(12);
      const halton = groups.filter((g) => g.place.code === "E06000006");
      expect(halton.map((g) => g.socialValue)).toEqual([null, null]);
      const shown = groups.filter((g) => g.socialValue);
      expect(shown).toHaveLength(10);
      // Totals are sums of what is shown, so nothing suppressed can be had by subtraction.
      expect(d.impactSummary.total.socialValue.pence).toBe(shown.reduce((s, g) => s + g.socialValue!.pence, 0));
    },
  },
  "dashboard/CommunityOwnership.graphql": {
    variables: async (app) => ({ placeId: await idOf(app, "Place", "SELECT id FROM place WHERE code = 'E08000012'") }),
    as: "analyst",
    check: (d) => {
      type Asset = { name: string; tenure: string | null; communityHolder: { name: string } | null; acvListing: { moratoriumEndsOn: string | null } | null;
        transfers: { nodes: { stage: string; consideration: { pence: number } | null; marketValue: { pence: number } | null }[] } };
      const assets: Asset[] = d.assets.nodes;
      expect(d.assets.totalCount).toBe(assets.length);
      expect(assets.find((a) => a.name === "Former Granby Street Library")).toMatchObject({
        tenure: "LEASE", communityHolder: { name: "Toxteth Community Bakery CIC" },
        transfers: { nodes: [{ stage: "HANDED_OVER", consideration: { pence: 100 }, marketValue: { pence: 18_000_000 } }] },
      });
      // A listed community centre whose interim moratorium runs today.
      expect(assets.find((a) => a.name === "Anfield Community Centre")!.acvListing!.moratoriumEndsOn! >= londonDate()).toBe(true);
      type Scheme = { name: string; stage: string; homesPlanned: number; homesCompleted: number; partner: { name: string } | null };
      const schemes: Scheme[] = d.housingSchemes.nodes;
      expect(schemes.find((s) => s.name === "Kensington Empty Homes")).toMatchObject({ stage: "LET", homesPlanned: 6, homesCompleted: 6, partner: { name: "Mersey Vale Housing Association" } });
      expect(schemes.find((s) => s.name === "Granby Green")).toMatchObject({ stage: "PLANNING", homesPlanned: 12, homesCompleted: 0 });
      expect(schemes.every((s) => s.name !== "Earlestown Terraces")).toBe(true);
    },
  },
  "portal/SignUp.graphql": {
    variables: async () => ({ email: "contract.signup@example.org", password: "a long and unusual passphrase", displayName: "Casey Contract" }),
    check: (d) => expect(d.signUp.userErrors).toEqual([]),
  },
  "portal/VerifyEmail.graphql": {
    // A person signs up; the verification email is still in the outbox (this test runs no mail worker), with its link.
    variables: async (app) => {
      await app.post(`mutation { signUp(input: { email: "contract.verify@example.org", password: "another unusual passphrase", displayName: "Val Verify" }) { userErrors { code } } }`);
      const [row] = await app.db.query("SELECT body FROM outbound_email WHERE recipient = 'contract.verify@example.org' AND kind = 'verify-email'");
      return { token: decodeURIComponent(/token=(\S+)/.exec(row.body)![1]) };
    },
    check: (d) => expect(d.verifyEmail).toMatchObject({ userErrors: [], viewer: { email: "contract.verify@example.org", emailVerified: true } }),
  },
  "portal/AccountSettings.graphql": {
    variables: async () => ({}),
    as: "owner",
    check: (d) => {
      expect(d.viewer).toMatchObject({ email: DEMO_USERS.owner.email, displayName: DEMO_USERS.owner.displayName, emailVerified: true });
      expect(d.viewer.sessions.nodes.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      expect(d.viewer.memberships).toContainEqual({ role: "OWNER", organisation: { id: expect.any(String), name: "Toxteth Community Bakery CIC" } });
    },
  },
  "portal/SignOutEverywhere.graphql": {
    variables: async () => ({}),
    as: "viewer",
    check: (d) => expect(d.signOutEverywhere.userErrors).toEqual([]),
  },
  "portal/InviteMember.graphql": {
    variables: async (app) => ({
      organisationId: await idOf(app, "Organisation", "SELECT id FROM organisation WHERE name = 'Toxteth Community Bakery CIC'"),
      email: "new.baker@example.org", role: "EDITOR",
    }),
    as: "owner",
    check: (d) => expect(d.inviteOrganisationMember).toMatchObject({ userErrors: [], invitation: { email: "new.baker@example.org", role: "EDITOR" } }),
  },
};

let app: TestApp;
beforeAll(async () => {
  if (!CONTRACTS_PRESENT) return;
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
});
afterAll(async () => { await app?.close(); });

contractTest.each(served as string[])("%s runs on the demo data", async (name) => {
  const c = CASES[name];
  expect(c).toBeDefined();
  const token = c.as ? await app.signIn(DEMO_USERS[c.as].email, DEMO_PASSWORD) : undefined;
  const res = await app.http("/graphql", {
    body: { query: readFileSync(join(CONTRACT_DIR, name), "utf8"), variables: await c.variables(app) },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(res.json.errors).toBeUndefined();
  c.check(res.json.data);
});
