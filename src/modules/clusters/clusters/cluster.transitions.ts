// A cluster's lifecycle: the allowed moves, and the one function that applies them (closing ends current memberships).
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, checkMove, Lifecycle } from "../../../kit/lifecycle";
import { refuseAll } from "../../../kit/refusals";
import { ClusterRole, ClusterStatus } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { clusterClosedEvent, membershipEvent } from "./cluster.events";

const CLUSTER_LIFECYCLE: Lifecycle<ClusterStatus> = {
  noun: "A cluster", entityType: "Cluster", auditAs: "cluster",
  moves: {
    FORMING: [ClusterStatus.ACTIVE, ClusterStatus.CLOSED],
    ACTIVE: [ClusterStatus.DORMANT, ClusterStatus.CLOSED],
    DORMANT: [ClusterStatus.ACTIVE, ClusterStatus.CLOSED],
    CLOSED: [],
  },
};

/** Refuses (WRONG_STATUS) a move the lifecycle does not allow, such as reopening a CLOSED cluster. */
export function requireClusterMove(cluster: Cluster, to: ClusterStatus): void {
  const refused = checkMove(CLUSTER_LIFECYCLE, cluster.status, to);
  if (refused) refuseAll([refused]);
}

/**
 * Moves a cluster to `to`. Closing ends every open membership on `today`, so the history says who was in it
 * until when, and a closed cluster has no current members; each ended membership is a cluster.left event, and the
 * closing a cluster.closed.
 */
export async function moveCluster(m: EntityManager, actor: Actor, cluster: Cluster, to: ClusterStatus, today: string): Promise<Cluster> {
  if (to !== ClusterStatus.CLOSED) return applyMove(m, actor, CLUSTER_LIFECYCLE, cluster, to);
  requireClusterMove(cluster, to);
  const [rows]: [{ id: string; organisation_id: string; role: ClusterRole; left_on: string }[]] = await m.query(
    `UPDATE cluster_membership SET left_on = greatest($2::date, joined_on) WHERE cluster_id = $1 AND left_on IS NULL
     RETURNING id, organisation_id, role, left_on::text`,
    [cluster.id, today],
  );
  const closed = await applyMove(m, actor, CLUSTER_LIFECYCLE, cluster, to, { closedAt: new Date() },
    { action: "cluster.close", before: { endedMemberships: [] }, after: { endedMemberships: rows.map((r) => r.id) } });
  for (const r of rows) {
    await membershipEvent(m, actor, "cluster.left", { id: r.id, clusterId: cluster.id, organisationId: r.organisation_id, role: r.role, day: r.left_on });
  }
  await clusterClosedEvent(m, actor, cluster.id, today);
  return closed;
}
