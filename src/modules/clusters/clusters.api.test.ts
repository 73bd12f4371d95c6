// The service API the funds module calls: panel membership, panel existence, organisations sharing a cluster.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { makeCluster, makeOrganisationFor } from "../../../tests/support/cluster-factories";
import { makeUser } from "../../../tests/support/factories";
import { Role } from "../../auth/roles";
import { clustersApi } from "./clusters.api";
import { raceTest } from "../../../tests/support/races";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

test("organisationsSharingACluster lists current co-members of any cluster, never the organisation itself or past members", async () => {
  const [a, b, c, d, e] = await Promise.all([1, 2, 3, 4, 5].map(() => makeOrganisationFor(app.db, null)));
  await makeCluster(app.db, { members: [{ organisationId: a }, { organisationId: b }, { organisationId: c, leftOn: "2024-06-01" }] });
  await makeCluster(app.db, { members: [{ organisationId: a, role: "FACILITATOR" }, { organisationId: d }] });
  await makeCluster(app.db, { members: [{ organisationId: a, leftOn: "2024-03-01" }, { organisationId: e }] });
  expect(await clustersApi.organisationsSharingACluster(app.db, a)).toEqual(new Set([b, d]));
  expect(await clustersApi.organisationsSharingACluster(app.db, c)).toEqual(new Set());
});

test("panelMembers gives the people on a panel now with the organisation each sits for; panelExists knows the panel", async () => {
  const person = await makeUser(app.db);
  const panellist = await makeUser(app.db, { roles: [Role.PANEL_MEMBER] });
  const org = await makeOrganisationFor(app.db, person);
  const cluster = await makeCluster(app.db, { members: [{ organisationId: org }] });
  const [{ id: panel }] = await app.db.query("INSERT INTO peer_panel (name) VALUES ('Round one panel') RETURNING id");
  await app.db.query("INSERT INTO peer_panel_cluster (panel_id, cluster_id) VALUES ($1, $2)", [panel, cluster]);
  await app.db.query(
    `INSERT INTO peer_panel_member (panel_id, user_id, organisation_id, added_at, removed_at) VALUES
      ($1, $2, $3, now() - interval '2 days', NULL), ($1, $4, NULL, now() - interval '1 day', NULL),
      ($1, $5, NULL, now() - interval '3 days', now() - interval '1 hour')`,
    [panel, person.id, org, panellist.id, (await makeUser(app.db, { roles: [Role.PANEL_MEMBER] })).id],
  );
  expect(await clustersApi.panelMembers(app.db, panel)).toEqual([
    { userId: person.id, organisationId: org },
    { userId: panellist.id, organisationId: null },
  ]);
  expect(await clustersApi.panelExists(app.db, panel)).toBe(true);
  expect(await clustersApi.panelExists(app.db, "00000000-0000-4000-8000-000000000000")).toBe(false);
  expect(await clustersApi.panelExists(app.db, "not-a-uuid")).toBe(false);
  expect(await clustersApi.panelMembers(app.db, "not-a-uuid")).toEqual([]);
});

test("the API reads through the caller's transaction, seeing what it has not yet committed", async () => {
  const org = await makeOrganisationFor(app.db, null);
  const other = await makeOrganisationFor(app.db, null);
  await app.db.transaction(async (m) => {
    await makeCluster(m, { members: [{ organisationId: org }, { organisationId: other }] });
    expect(await clustersApi.organisationsSharingACluster(m, org)).toEqual(new Set([other]));
  });
});

raceTest("other connections do not see what the caller has not committed", async () => {
  const org = await makeOrganisationFor(app.db, null);
  const other = await makeOrganisationFor(app.db, null);
  await app.db.transaction(async (m) => {
    await makeCluster(m, { members: [{ organisationId: org }, { organisationId: other }] });
    expect(await clustersApi.organisationsSharingACluster(app.db, org)).toEqual(new Set());
  });
});
