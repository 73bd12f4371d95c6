// The fund's read rules agree in both their forms: for every demo principal, each list of agreements and applications
// returns exactly the objects node(id:) shows that viewer (the predicate and the SQL of access.ts never drift apart).
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { loadDemoData } from "../../demo/demo";
import { allModules } from "../../app";
import { createLogger } from "../../log";
import { DEMO_PARTNER_KEY, DEMO_PASSWORD, DEMO_USERS } from "../../demo/demo-accounts";
import { toGlobalId } from "../../graphql/ids";

type Ids = { id: string }[];

let app: TestApp;
const principals: [name: string, as: string | undefined][] = [];
let agreementIds: string[];
let applicationIds: string[];
let organisationIds: string[];

beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  principals.push(["anonymous", undefined]);
  for (const [role, user] of Object.entries(DEMO_USERS)) principals.push([role, await app.signIn(user.email, DEMO_PASSWORD)]);
  principals.push(["demo partner key", DEMO_PARTNER_KEY]);
  const ids = async (sql: string, type: string) => (await app.db.query(sql)).map((r: { id: string }) => toGlobalId(type, r.id)).sort();
  agreementIds = await ids("SELECT id FROM agreement", "Agreement");
  applicationIds = await ids("SELECT id FROM funding_application", "FundingApplication");
  organisationIds = await ids("SELECT DISTINCT organisation_id AS id FROM agreement", "Organisation");
});
afterAll(async () => { await app.close(); });

const sorted = (nodes: (Ids[number] | null)[]) => nodes.filter((n): n is { id: string } => n !== null).map((n) => n.id).sort();

/** What node(id:) shows the viewer of each of `ids` (nodes(ids:) is node(id:) for many). */
async function refetched(as: string | undefined, ids: string[], type: string): Promise<string[]> {
  const data = await app.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${type} { id } } }`, { ids }, as);
  return sorted(data.nodes.map((n: { id?: string } | null) => (n?.id ? { id: n.id } : null)));
}

/** Every id a top-level list returns the viewer (one page holds them all; its totalCount agrees). */
async function listed(as: string | undefined, list: "agreements" | "applications"): Promise<string[]> {
  const data = await app.ok(`{ ${list}(first: 100) { totalCount pageInfo { hasNextPage } nodes { id } } }`, {}, as);
  expect(data[list].pageInfo.hasNextPage).toBe(false);
  expect(data[list].totalCount).toBe(data[list].nodes.length);
  return sorted(data[list].nodes);
}

const figures: Record<string, { agreements: number; applications: number }> = {};

test("for every demo principal, the agreements lists hold exactly the agreements node(id:) shows", async () => {
  expect(principals.map(([name]) => name)).toEqual(["anonymous", "admin", "analyst", "panel", "owner", "viewer", "demo partner key"]);
  for (const [name, as] of principals) {
    const shown = await refetched(as, agreementIds, "Agreement");
    expect({ name, ids: await listed(as, "agreements") }).toEqual({ name, ids: shown });
    // The same rule nested under funds (the SQL scope) and under organisations (the predicate, then every agreement).
    // (Small pages keep the queries under the cost limit; none has a next page.)
    const NESTED = "agreements(first: 20) { pageInfo { hasNextPage } nodes { id } }";
    type Nested = { agreements: { pageInfo: { hasNextPage: boolean }; nodes: Ids } | null };
    const byFund: { funds: { nodes: Nested[] } } = await app.ok(`{ funds(first: 10) { nodes { ${NESTED} } } }`, {}, as);
    const byOrganisation: { nodes: Nested[] } = await app.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Organisation { ${NESTED} } } }`,
      { ids: organisationIds }, as);
    for (const parents of [byFund.funds.nodes, byOrganisation.nodes]) {
      expect(parents.some((p) => p.agreements?.pageInfo.hasNextPage)).toBe(false);
      expect({ name, ids: sorted(parents.flatMap((p) => p.agreements?.nodes ?? [])) }).toEqual({ name, ids: shown });
    }
    figures[name] = { ...figures[name], agreements: shown.length };
  }
});

test("for every demo principal, the applications list holds exactly the applications node(id:) shows", async () => {
  for (const [name, as] of principals) {
    const shown = await refetched(as, applicationIds, "FundingApplication");
    expect({ name, ids: await listed(as, "applications") }).toEqual({ name, ids: shown });
    figures[name] = { ...figures[name], applications: shown.length };
  }
});

test("the principals see different things, so the agreement above is not everyone seeing nothing", () => {
  const all = { agreements: agreementIds.length, applications: applicationIds.length };
  expect(figures.admin).toEqual(all);
  expect(figures.anonymous).toEqual({ agreements: 0, applications: 0 });
  expect(figures.analyst.agreements).toBe(all.agreements);
  expect(figures["demo partner key"]).toEqual({ agreements: all.agreements, applications: 0 });
  // The bakery's owner sits on the demo panel: its own applications and the panel's submitted ones, not the draft.
  expect(figures.owner.applications).toBeGreaterThan(1);
  expect(figures.owner.applications).toBeLessThan(all.applications);
  expect(figures.owner.agreements).toBe(1);
});
