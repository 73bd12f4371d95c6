// The clusters' access rules agree in every form: for each demo principal, the panels list (the rule's SQL) shows
// exactly the panels node(id:) (its predicate over loaded facts) returns, and gathering notes show exactly where
// the predicate, and the same rule's SQL, say.
import { startTestApp, TestApp, TEST_SECRET } from "../../../tests/support/test-app";
import { makeCluster } from "../../../tests/support/cluster-factories";
import { loadDemoData } from "../../demo/demo";
import { DEMO_PARTNER_KEY, DEMO_PASSWORD, DEMO_USERS } from "../../demo/demo-accounts";
import { allModules } from "../../app";
import { createLogger } from "../../log";
import { authenticate } from "../../auth/authenticate";
import { ANONYMOUS, Viewer } from "../../auth/viewer";
import { toGlobalId } from "../../graphql/ids";
import { DEMO_OWNER_ORGANISATION, DEMO_VIEWER_ORGANISATION } from "../organisations/organisations.demo";
import { clusterAccess } from "./access";
import { Gathering } from "./gatherings/gathering.entity";

interface Principal {
  name: string;
  /** A session token or partner key; none for anonymous. */
  token?: string;
  viewer: Viewer;
}

let app: TestApp;
let principals: Principal[];
/** Panels added beside the demo's one, each at an edge of the rule. */
const edge: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  const signIn = async (name: keyof typeof DEMO_USERS): Promise<Principal> => {
    const token = await app.signIn(DEMO_USERS[name].email, DEMO_PASSWORD);
    return { name, token, viewer: await authenticate(app.db, TEST_SECRET, `Bearer ${token}`) };
  };
  principals = [
    { name: "anonymous", viewer: ANONYMOUS },
    await signIn("admin"), await signIn("analyst"), await signIn("panel"), await signIn("owner"), await signIn("viewer"),
    { name: "partner", token: DEMO_PARTNER_KEY, viewer: await authenticate(app.db, TEST_SECRET, `Bearer ${DEMO_PARTNER_KEY}`) },
  ];

  const id = async (sql: string, params: unknown[]) => (await app.db.query(sql, params))[0].id as string;
  const orgId = (name: string) => id("SELECT id FROM organisation WHERE name = $1", [name]);
  const userId = (email: string) => id("SELECT id FROM app_user WHERE email = $1", [email]);
  const [bakery, repairCafe] = [await orgId(DEMO_OWNER_ORGANISATION), await orgId(DEMO_VIEWER_ORGANISATION)];
  const panel = async (name: string, clusterId: string, seats: { userId: string; removed?: boolean }[] = []) => {
    const panelId = await id("INSERT INTO peer_panel (name, status) VALUES ($1, 'ACTIVE') RETURNING id", [name]);
    await app.db.query("INSERT INTO peer_panel_cluster (panel_id, cluster_id) VALUES ($1, $2)", [panelId, clusterId]);
    for (const s of seats) {
      await app.db.query(`INSERT INTO peer_panel_member (panel_id, user_id, added_at, removed_at)
        VALUES ($1, $2, now() - interval '1 day', CASE WHEN $3 THEN now() END)`, [panelId, s.userId, s.removed ?? false]);
    }
    edge[name] = panelId;
  };
  const toxteth = await id("SELECT id FROM cluster WHERE name = 'Toxteth and Granby Neighbours'", []);
  // The owner acts for the bakery, which facilitates Toxteth: they see its panels without sitting on them.
  await panel("facilitated by the owner's bakery", toxteth);
  // A seat that was given up lets no one in.
  await panel("the panel member's seat was removed", await makeCluster(app.db), [{ userId: await userId(DEMO_USERS.panel.email), removed: true }]);
  // The viewer's organisation facilitates, but a VIEWER does not act for it.
  await panel("facilitated by the viewer's organisation", await makeCluster(app.db, { members: [{ organisationId: repairCafe, role: "FACILITATOR" }] }));
  // Facilitation ends when the organisation leaves the cluster.
  await panel("the bakery facilitated until it left", await makeCluster(app.db, { members: [{ organisationId: bakery, role: "FACILITATOR", leftOn: "2025-01-01" }] }));
});
afterAll(async () => { await app.close(); });

const as = (p: Principal) => p.token;

async function listedPanels(p: Principal): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { peerPanels: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await app.ok(
      `query($after: String) { peerPanels(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }`, { after }, as(p));
    names.push(...page.peerPanels.nodes.map((n) => n.name));
    if (!page.peerPanels.pageInfo.hasNextPage) return names.sort();
    after = page.peerPanels.pageInfo.endCursor;
  }
}

async function panelsByNode(p: Principal): Promise<string[]> {
  const all: { id: string }[] = await app.db.query("SELECT id FROM peer_panel");
  const { nodes } = await app.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on PeerPanel { name } } }`,
    { ids: all.map((r) => toGlobalId("PeerPanel", r.id)) }, as(p));
  return nodes.filter((n: { name?: string } | null) => n?.name).map((n: { name: string }) => n.name).sort();
}

test("for every demo principal, the panels list shows exactly the panels node(id:) returns", async () => {
  const seen: Record<string, string[]> = {};
  for (const p of principals) {
    seen[p.name] = await listedPanels(p);
    expect({ principal: p.name, panels: await panelsByNode(p) }).toEqual({ principal: p.name, panels: seen[p.name] });
  }
  // The rule is exercised, not vacuous: each way in lets someone in, and each edge keeps someone out.
  const total = (await app.db.query("SELECT count(*)::int AS n FROM peer_panel"))[0].n;
  expect(seen.admin).toHaveLength(total);
  expect(seen.panel).toEqual(["Pay-it-forward panel: spring round"]);
  expect(seen.owner).toEqual(["Pay-it-forward panel: spring round", "facilitated by the owner's bakery"]);
  for (const who of ["anonymous", "analyst", "viewer", "partner"]) expect({ who, panels: seen[who] }).toEqual({ who, panels: [] });
  expect(Object.keys(edge)).toHaveLength(4);
});

test("for every demo principal, gathering notes show exactly where the notes rule says, by its predicate and by its SQL", async () => {
  const gatherings: { id: string; cluster_id: string; members: string[] }[] = await app.db.query(
    `SELECT g.id, g.cluster_id, ARRAY(SELECT cm.organisation_id::text FROM cluster_membership cm
       WHERE cm.cluster_id = g.cluster_id AND cm.joined_on <= (g.starts_at AT TIME ZONE 'Europe/London')::date
         AND (cm.left_on IS NULL OR cm.left_on > (g.starts_at AT TIME ZONE 'Europe/London')::date)) AS members
       FROM gathering g WHERE g.notes IS NOT NULL ORDER BY g.id`);
  expect(gatherings.length).toBeGreaterThan(20);
  const shown: Record<string, number> = {};
  for (const p of principals) {
    const byPredicate = gatherings.filter((g) => clusterAccess.seeNotes.allows(p.viewer, { memberOrganisationIdsThen: g.members })).map((g) => g.id);
    const rule = clusterAccess.seeNotes.sql(p.viewer, "g.id");
    const bySql = (await app.db.getRepository(Gathering).createQueryBuilder("g").select("g.id", "id")
      .where("g.notes IS NOT NULL").andWhere(rule.condition, rule.params).orderBy("g.id").getRawMany()).map((r: { id: string }) => r.id);
    const byApi: string[] = [];
    for (let i = 0; i < gatherings.length; i += 100) {
      const batch = gatherings.slice(i, i + 100);
      const { nodes } = await app.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Gathering { notes } } }`,
        { ids: batch.map((g) => toGlobalId("Gathering", g.id)) }, as(p));
      nodes.forEach((n: { notes: string | null }, k: number) => { if (n.notes !== null) byApi.push(batch[k].id); });
    }
    expect({ principal: p.name, notes: byApi }).toEqual({ principal: p.name, notes: byPredicate });
    expect({ principal: p.name, notes: bySql }).toEqual({ principal: p.name, notes: byPredicate });
    shown[p.name] = byApi.length;
  }
  expect(shown.admin).toBe(gatherings.length);
  expect(shown.owner).toBeGreaterThan(0);
  expect(shown.viewer).toBeGreaterThan(0);
  expect(shown.owner).toBeLessThan(gatherings.length);
  for (const who of ["anonymous", "analyst", "panel", "partner"]) expect({ who, shown: shown[who] }).toEqual({ who, shown: 0 });
});
