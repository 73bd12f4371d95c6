// The scale generator's clusters part: clusters in proportion to N, every kind, with history the API can read.
import { startTestApp } from "../support/test-app";
import { generateScaleOrganisations } from "../../src/modules/organisations/organisations.scale";
import { generateScaleClusters } from "../../src/modules/clusters/clusters.scale";

test("scale N adds one cluster per ten organisations, of every kind, with memberships, gatherings and posts", async () => {
  const app = await startTestApp();
  try {
    await app.db.transaction(async (m) => {
      await generateScaleOrganisations(m, 60, 7);
      expect(await generateScaleClusters(m, 60, 7)).toBe(6);
    });
    const [counts] = await app.db.query(`SELECT count(*)::int AS clusters, count(DISTINCT kind)::int AS kinds,
      (SELECT count(*)::int FROM cluster_membership) AS memberships, (SELECT count(*)::int FROM gathering) AS gatherings,
      (SELECT count(*)::int FROM peer_post) AS posts FROM cluster`);
    expect(counts).toMatchObject({ clusters: 6, kinds: 3 });
    expect(counts.memberships).toBeGreaterThanOrEqual(24);
    expect(counts.gatherings).toBeGreaterThan(0);
    expect(counts.posts).toBeGreaterThan(0);
    const r = await app.ok(`{ clusters(first: 10, filter: { statuses: [FORMING, ACTIVE, DORMANT, CLOSED] }) { totalCount nodes { members(first: 3) { totalCount } } } }`);
    expect(r.clusters.totalCount).toBe(6);
  } finally {
    await app.close();
  }
});
