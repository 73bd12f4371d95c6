// A cluster's activity over periods: membership history, gatherings by UK day, and exchanges between members that day.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { makeCluster, makeOrganisationFor } from "../../../../tests/support/cluster-factories";
import { OPS, signedIn } from "../../../../tests/support/cluster-operations";
import { Role } from "../../../auth/roles";
import { toGlobalId } from "../../../graphql/ids";

let app: TestApp;
let admin: string;
let clusterId: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, [Role.ADMIN])).token;
  const [a, b, c, d] = await Promise.all(["A", "B", "C", "D"].map((n) => makeOrganisationFor(app.db, null, { name: `Activity ${n}` })));
  const id = await makeCluster(app.db, { members: [
    { organisationId: a, joinedOn: "2024-01-01" },
    { organisationId: b, joinedOn: "2024-01-15", leftOn: "2024-04-01" },
    { organisationId: b, joinedOn: "2024-09-01" },
    { organisationId: c, joinedOn: "2024-03-01", leftOn: "2024-06-30" },
    { organisationId: d, joinedOn: "2024-07-01" },
  ] });
  clusterId = toGlobalId("Cluster", id);
  const org = (key: string) => toGlobalId("Organisation", key);
  for (const [startsAt, attendance] of [
    ["2024-02-10T19:00:00Z", [[a, 2], [b, 1]]],
    // 00:30 on 1 April in the UK (BST): an April gathering, though still 31 March in UTC.
    ["2024-03-31T23:30:00Z", [[a, 1]]],
    ["2024-05-20T17:00:00Z", [[a, 3], [c, 2]]],
    ["2024-10-05T17:00:00Z", [[a, 1], [b, 2], [d, 4]]],
  ] as const) {
    const r = await app.ok(OPS.recordGathering, { input: { clusterId, startsAt, online: true, topic: "Peer support",
      attendance: attendance.map(([o, people]) => ({ organisationId: org(o), people })) } }, admin);
    expect(r.recordGathering.userErrors).toEqual([]);
  }
  for (const [giver, receiver, completedOn, hours] of [
    [a, b, "2024-02-20", 5],
    [a, c, "2024-05-01", 3],
    // B was between membership periods on 15 June: not counted in this cluster.
    [a, b, "2024-06-15", 4],
    [d, a, "2024-10-10", 2],
  ] as const) {
    const [need] = await app.db.query("INSERT INTO peer_post (organisation_id, kind, skill, description) VALUES ($1, 'NEED', 'FINANCE', 'n') RETURNING id", [receiver]);
    const [offer] = await app.db.query("INSERT INTO peer_post (organisation_id, kind, skill, description) VALUES ($1, 'OFFER', 'FINANCE', 'o') RETURNING id", [giver]);
    await app.db.query(`INSERT INTO peer_exchange (need_id, offer_id, giver_id, receiver_id, status, agreed_on, completed_on, hours_given, outcome)
      VALUES ($1, $2, $3, $4, 'COMPLETED', $5::date - 7, $5, $6, 'Helped')`, [need.id, offer.id, giver, receiver, completedOn, hours]);
  }
});
afterAll(async () => { await app.close(); });

const ACTIVITY = `query($id: ID!) { node(id: $id) { ... on Cluster {
  q1: activity(from: "2024-01-01", to: "2024-03-31") { ...A } q2: activity(from: "2024-04-01", to: "2024-06-30") { ...A }
  q3: activity(from: "2024-07-01", to: "2024-09-30") { ...A } q4: activity(from: "2024-10-01", to: "2024-12-31") { ...A }
  year: activity(from: "2024-01-01", to: "2024-12-31") { ...A } } } }
  fragment A on ClusterActivity { membersNow membersInPeriod joined left gatherings attendances peopleAttending exchanges hoursGiven }`;

const row = (membersInPeriod: number, joined: number, left: number, gatherings: number, attendances: number, peopleAttending: number, exchanges: number, hoursGiven: number) =>
  ({ membersNow: 3, membersInPeriod, joined, left, gatherings, attendances, peopleAttending, exchanges, hoursGiven });

test("activity summaries follow membership periods, UK days and who was a member on the day of each exchange", async () => {
  const { node } = await app.ok(ACTIVITY, { id: clusterId });
  expect(node).toEqual({
    q1: row(3, 3, 0, 1, 2, 3, 1, 5),
    q2: row(2, 0, 2, 2, 3, 6, 1, 3),
    q3: row(3, 2, 0, 0, 0, 0, 0, 0),
    q4: row(3, 0, 0, 1, 3, 7, 1, 2),
    year: row(4, 5, 2, 4, 8, 16, 3, 10),
  });
});

test("activity is one statement per period however many clusters are listed", async () => {
  const q = `{ clusters(first: 100) { nodes { activity(from: "2024-01-01", to: "2024-12-31") { gatherings } } } }`;
  const one = await app.run(q);
  for (let i = 0; i < 5; i++) await makeCluster(app.db);
  const six = await app.run(q);
  expect(six.data!.clusters.nodes).toHaveLength(6);
  expect(six.sql).toBe(one.sql);
});

test("a period that ends before it begins is refused", async () => {
  const r = await app.run(`query($id: ID!) { node(id: $id) { ... on Cluster { activity(from: "2024-02-01", to: "2024-01-01") { joined } } } }`, { id: clusterId });
  expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});
