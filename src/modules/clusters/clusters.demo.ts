// Demo data: a dozen clusters of every kind across the six boroughs, with history, posts, exchanges and a peer panel.
import type { DemoContext } from "../../kith-module";
import { DEMO_PASSWORD, DEMO_USERS } from "../../demo/demo-accounts";
import { AuthService } from "../../auth/auth.service";
import { Membership } from "../../auth/membership.entity";
import { OrganisationRole } from "../../auth/roles";
import { placesApi } from "../places/places.api";
import { organisationsApi } from "../organisations/organisations.api";
import { DEMO_OWNER_ORGANISATION } from "../organisations/organisations.demo";
import { Cause, StoStatus } from "../organisations/organisation.enums";
import type { Organisation } from "../organisations/organisation.entity";
import { ClusterKind, ClusterStatus, PeerPostKind, Skill } from "./cluster.enums";
import { GeneratedCluster, insertClusters, insertExchanges, insertPosts } from "./clusters.generator";
import { insertMany, seededRandom } from "../../demo/seeding";
import { clustersApi } from "./clusters.api";

const DEMO_SEED = 20261124;
const HALTON = "E06000006", KNOWSLEY = "E08000011", LIVERPOOL = "E08000012", ST_HELENS = "E08000013", SEFTON = "E08000014", WIRRAL = "E08000015";
export const DEMO_PANEL = "Pay-it-forward panel: spring round";
/** STO peers who sit on the demo panel for their organisations (they sign in with the demo password). */
export const DEMO_PEERS = [
  { email: "peer1@demo.kith.test", displayName: "Priya Peer" },
  { email: "peer2@demo.kith.test", displayName: "Sam Peer" },
  { email: "peer3@demo.kith.test", displayName: "Jo Peer" },
] as const;

type Pick = (orgs: Organisation[], placeOf: (code: string) => string) => Organisation[];
interface DemoCluster { name: string; description: string; kind: ClusterKind; borough?: string; cause?: Cause; interest?: string; status: ClusterStatus; pick: Pick }

const inBorough = (code: string, n = 7): Pick => (orgs, placeOf) => orgs.filter((o) => o.registeredPlaceId === placeOf(code)).slice(0, n);
const forCause = (cause: Cause, n = 8): Pick => (orgs) => orgs.filter((o) => o.causes.includes(cause)).slice(0, n);
const named = (pattern: RegExp, n = 8): Pick => (orgs) => orgs.filter((o) => pattern.test(o.name)).slice(0, n);

const CLUSTERS: DemoCluster[] = [
  { name: "Toxteth and Granby Neighbours", description: "Community businesses of Toxteth and Granby helping each other trade.", kind: ClusterKind.PLACE, borough: LIVERPOOL, status: ClusterStatus.ACTIVE, pick: inBorough(LIVERPOOL) },
  { name: "Bootle Together", description: "Bootle's community businesses, meeting monthly at the repair café.", kind: ClusterKind.PLACE, borough: SEFTON, status: ClusterStatus.ACTIVE, pick: inBorough(SEFTON) },
  { name: "Birkenhead Peer Circle", description: "Organisations trading in Birkenhead and the Wirral waterfront.", kind: ClusterKind.PLACE, borough: WIRRAL, status: ClusterStatus.ACTIVE, pick: inBorough(WIRRAL) },
  { name: "Kirkby and Huyton Community Traders", description: "Community businesses of Kirkby, Huyton and Prescot.", kind: ClusterKind.PLACE, borough: KNOWSLEY, status: ClusterStatus.DORMANT, pick: inBorough(KNOWSLEY) },
  { name: "St Helens Town Centre Collective", description: "Keeping St Helens town centre alive with community-owned trade.", kind: ClusterKind.PLACE, borough: ST_HELENS, status: ClusterStatus.ACTIVE, pick: inBorough(ST_HELENS) },
  { name: "Runcorn and Widnes Riverside", description: "Community businesses on both banks of the Mersey in Halton.", kind: ClusterKind.PLACE, borough: HALTON, status: ClusterStatus.ACTIVE, pick: inBorough(HALTON) },
  { name: "Good Food City Region", description: "Bakeries, cafés and food co-ops making good food affordable.", kind: ClusterKind.CAUSE, cause: Cause.FOOD, status: ClusterStatus.ACTIVE, pick: forCause(Cause.FOOD) },
  { name: "Community Energy Merseyside", description: "Community-owned solar and energy advice.", kind: ClusterKind.CAUSE, cause: Cause.ENERGY, status: ClusterStatus.ACTIVE, pick: forCause(Cause.ENERGY) },
  { name: "Homes for Local People", description: "Community land trusts bringing empty homes back into use.", kind: ClusterKind.CAUSE, cause: Cause.HOUSING, borough: WIRRAL, status: ClusterStatus.FORMING, pick: forCause(Cause.HOUSING, 4) },
  { name: "Young People First", description: "Organisations whose trading pays for youth work.", kind: ClusterKind.CAUSE, cause: Cause.YOUTH, status: ClusterStatus.ACTIVE, pick: forCause(Cause.YOUTH) },
  { name: "Community Pubs and Cafés", description: "Running a community-owned pub or café.", kind: ClusterKind.COMMUNITY_OF_INTEREST, interest: "Running a community-owned pub or café as a meeting place", status: ClusterStatus.ACTIVE, pick: named(/Pub|Café/) },
  { name: "Speke Growers' Learning Set", description: "A learning set on growing and selling produce; it met for a year.", kind: ClusterKind.COMMUNITY_OF_INTEREST, interest: "Growing and selling produce on social prescriptions", borough: LIVERPOOL, status: ClusterStatus.CLOSED, pick: named(/Garden|Wellbeing|Co-op/, 5) },
];

export async function loadDemoClusters({ manager: m }: DemoContext): Promise<void> {
  const rnd = seededRandom(DEMO_SEED);
  const orgs = await organisationsApi.listActive(m);
  const places = await placesApi.idsByCode(m, [HALTON, KNOWSLEY, LIVERPOOL, ST_HELENS, SEFTON, WIRRAL]);
  const placeOf = (code: string) => places.get(code)!;
  const bakery = orgs.find((o) => o.name === DEMO_OWNER_ORGANISATION)!;
  const clusters: GeneratedCluster[] = CLUSTERS.map((c) => {
    const picked = c.pick(orgs, placeOf).filter((o) => o.id !== bakery.id);
    // The demo owner's bakery facilitates its neighbourhood cluster and belongs to the food cluster.
    const members = c.name === CLUSTERS[0].name ? [bakery, ...picked] : c.cause === Cause.FOOD ? [...picked.slice(0, 1), bakery, ...picked.slice(1)] : picked;
    return { name: c.name, description: c.description, kind: c.kind, placeId: c.borough ? placeOf(c.borough) : null,
      cause: c.cause ?? null, interest: c.interest ?? null, status: c.status, memberIds: members.map((o) => o.id) };
  });
  const clusterIds = await insertClusters(m, clusters, rnd);
  await showJoining(m, clusterIds[CLUSTERS.findIndex((c) => c.cause === Cause.FOOD)], clusterIds[0], bakery.id, clusters[0].memberIds, orgs);
  await insertPosts(m, orgs.filter((o) => o.id !== bakery.id).map((o) => o.id), rnd);
  await insertExchanges(m, clusters, rnd);
  // The owner's bakery needs finance help: a food-cluster neighbour offers it, and so does an organisation elsewhere.
  const foodNeighbour = clusters.find((c) => c.cause === Cause.FOOD)!.memberIds.find((id) => id !== bakery.id)!;
  const elsewhere = orgs.find((o) => !clusters.some((c) => c.memberIds.includes(o.id) && c.memberIds.includes(bakery.id)) && o.id !== bakery.id)!;
  await insertMany(m, "peer_post", ["organisation_id", "kind", "skill", "description"], [
    [bakery.id, PeerPostKind.NEED, Skill.FINANCE, "Help with a cash-flow forecast for a second oven and evening opening."],
    [bakery.id, PeerPostKind.OFFER, Skill.SPACE, "Our kitchen is free on Monday afternoons for baking classes."],
    [foodNeighbour, PeerPostKind.OFFER, Skill.FINANCE, "Our treasurer has built forecasts for two food businesses."],
    [elsewhere.id, PeerPostKind.OFFER, Skill.FINANCE, "An accountant on our board gives a morning a month."],
  ]);

  const [panelId] = await insertMany(m, "peer_panel", ["name", "status"], [[DEMO_PANEL, "ACTIVE"]], { returningIds: true });
  await insertMany(m, "peer_panel_cluster", ["panel_id", "cluster_id"], [[panelId, clusterIds[0]], [panelId, clusterIds[6]]]);
  const users: { id: string; email: string }[] = await m.query(
    "SELECT id, email FROM app_user WHERE email = ANY($1)", [[DEMO_USERS.panel.email, DEMO_USERS.owner.email]],
  );
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  // Three STO peers sit for eligible current members of the panel's clusters (the bakery's neighbours there) that took
  // part in no demo exchange, so the only conflicts in the funds story are the ones it means to show.
  const exchanged = new Set(clusters.flatMap((c) => c.memberIds.slice(0, 2)));
  const eligible = new Set(orgs.filter((o) => o.stoStatus === StoStatus.ELIGIBLE).map((o) => o.id));
  const current = await clustersApi.organisationsSharingACluster(m, bakery.id);
  const peerOrganisations = [...new Set([...clusters[0].memberIds, ...clusters[6].memberIds])]
    .filter((id) => current.has(id) && !exchanged.has(id) && eligible.has(id)).slice(0, DEMO_PEERS.length);
  if (peerOrganisations.length < DEMO_PEERS.length) throw new Error("demo clusters: too few eligible peers for the panel");
  const peers = [];
  for (const [i, p] of DEMO_PEERS.entries()) {
    const user = await AuthService.createUser(m, { email: p.email, password: DEMO_PASSWORD, displayName: p.displayName });
    await m.insert(Membership, { userId: user.id, organisationId: peerOrganisations[i], role: OrganisationRole.EDITOR });
    peers.push([panelId, user.id, peerOrganisations[i]]);
  }
  await insertMany(m, "peer_panel_member", ["panel_id", "user_id", "organisation_id"], [
    [panelId, userId(DEMO_USERS.panel.email), null],
    [panelId, userId(DEMO_USERS.owner.email), bakery.id],
    ...peers,
  ]);
}

/**
 * Joining and notes (issue 10): the food cluster is OPEN (anyone joins at once), every other cluster needs approval; an
 * organisation waits for the bakery's approval to join its neighbourhood cluster; and the bakery joined the food cluster
 * half-way through its gatherings, so the demo owner reads the notes of the later ones only.
 */
async function showJoining(m: DemoContext["manager"], foodCluster: string, bakeryCluster: string, bakeryId: string, bakeryClusterMembers: string[], orgs: Organisation[]): Promise<void> {
  await m.query("UPDATE cluster SET joining = 'OPEN' WHERE id = $1", [foodCluster]);
  const asking = orgs.find((o) => !bakeryClusterMembers.includes(o.id) && o.id !== bakeryId)!;
  await m.query("INSERT INTO cluster_join_request (cluster_id, organisation_id, requested_at) VALUES ($1, $2, now() - interval '3 days')", [bakeryCluster, asking.id]);
  const [middle] = await m.query(
    `SELECT ((starts_at AT TIME ZONE 'Europe/London')::date)::text AS day FROM gathering WHERE cluster_id = $1 AND notes IS NOT NULL
      ORDER BY starts_at OFFSET (SELECT count(*) / 2 FROM gathering WHERE cluster_id = $1 AND notes IS NOT NULL) LIMIT 1`, [foodCluster]);
  if (middle) {
    await m.query("UPDATE cluster_membership SET joined_on = $3 WHERE cluster_id = $1 AND organisation_id = $2 AND left_on IS NULL",
      [foodCluster, bakeryId, middle.day]);
  }
}
