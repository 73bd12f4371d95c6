// A cluster's lifecycle: the allowed moves, and the one function that applies them (closing ends current memberships).
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, checkMove, Lifecycle } from "../../../kit/lifecycle";
import { refuseAll } from "../../../kit/refusals";
import { ClusterStatus } from "../cluster.enums";
import { Cluster } from "./cluster.entity";

const CLUSTER_LIFECYCLE: Lifecycle<ClusterStatus> = {
  noun: "A cluster", entityType: "Cluster", auditAs: "cluster",
  moves: {
    FORMING: [ClusterStatus.ACTIVE, ClusterStatus.CLOSED],
    ACTIVE: [ClusterStatus.DORMANT, ClusterStatus.CLOSED],
    DORMANT: [ClusterStatus.ACTIVE, ClusterStatus.CLOSED],
    CLOSED: [],
  },
};

/**
 * Moves a cluster to `to`. Closing ends every open membership on `today`, so the history says who was in it
 * until when, and a closed cluster has no current members.
 */
export async function moveCluster(m: EntityManager, actor: Actor, cluster: Cluster, to: ClusterStatus, today: string): Promise<Cluster> {
  if (to !== ClusterStatus.CLOSED) return applyMove(m, actor, CLUSTER_LIFECYCLE, cluster, to);
  const refused = checkMove(CLUSTER_LIFECYCLE, cluster.status, to);
  if (refused) refuseAll([refused]);
  const [rows] = await m.query(
    "UPDATE cluster_membership SET left_on = greatest($2::date, joined_on) WHERE cluster_id = $1 AND left_on IS NULL RETURNING id",
    [cluster.id, today],
  );
  const ended = rows.map((r: { id: string }) => r.id);
  return applyMove(m, actor, CLUSTER_LIFECYCLE, cluster, to, { closedAt: new Date() },
    { action: "cluster.close", before: { endedMemberships: [] }, after: { endedMemberships: ended } });
}
