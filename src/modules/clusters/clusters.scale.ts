// The scale generator's part: one cluster per ten organisations, with history, gatherings, posts and exchanges.
import type { EntityManager } from "typeorm";
import { organisationsApi } from "../organisations/organisations.api";
import { Cause } from "../organisations/organisation.enums";
import { seededRandom } from "../../demo/seeding";
import { ClusterKind, ClusterStatus } from "./cluster.enums";
import { GeneratedCluster, insertClusters, insertExchanges, insertPosts } from "./clusters.generator";

const KINDS = Object.values(ClusterKind);
const CAUSES = Object.values(Cause);
const STATUSES = [ClusterStatus.ACTIVE, ClusterStatus.ACTIVE, ClusterStatus.ACTIVE, ClusterStatus.DORMANT, ClusterStatus.FORMING, ClusterStatus.CLOSED];

export async function generateScaleClusters(m: EntityManager, count: number, seed: number): Promise<number> {
  const rnd = seededRandom(seed + 1);
  const orgs = await organisationsApi.listActive(m);
  if (orgs.length < 2) return 0;
  const placed = orgs.filter((o) => o.registeredPlaceId);
  const clusters: GeneratedCluster[] = Array.from({ length: Math.max(1, Math.ceil(count / 10)) }, (_, n) => {
    // A PLACE cluster needs a place: without organisations registered anywhere, make it a CAUSE cluster.
    const kind = placed.length || KINDS[n % KINDS.length] !== ClusterKind.PLACE ? KINDS[n % KINDS.length] : ClusterKind.CAUSE;
    const anchor = (placed.length ? placed : orgs)[Math.floor(rnd() * (placed.length || orgs.length))];
    const members = new Set([anchor.id]);
    const size = 4 + Math.floor(rnd() * 12);
    while (members.size < Math.min(size, orgs.length)) members.add(orgs[Math.floor(rnd() * orgs.length)].id);
    return {
      name: `Generated ${kind === ClusterKind.PLACE ? "neighbourhood" : kind === ClusterKind.CAUSE ? "cause" : "interest"} cluster ${n + 1}`,
      description: "Generated for load testing.", kind,
      placeId: kind === ClusterKind.PLACE ? anchor.registeredPlaceId : null,
      cause: kind === ClusterKind.CAUSE ? CAUSES[n % CAUSES.length] : null,
      interest: kind === ClusterKind.COMMUNITY_OF_INTEREST ? `Shared interest number ${n + 1}` : null,
      status: STATUSES[n % STATUSES.length], memberIds: [...members],
    };
  });
  await insertClusters(m, clusters, rnd);
  await insertPosts(m, [...new Set(clusters.flatMap((c) => c.memberIds))], rnd);
  await insertExchanges(m, clusters, rnd);
  return clusters.length;
}
