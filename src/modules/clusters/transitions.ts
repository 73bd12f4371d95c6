// The lifecycles of clusters and peer panels: the allowed moves, and the one function per lifecycle that applies them.
import type { EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { UserError, userError } from "../../graphql/errors";
import { ClusterStatus, PeerPanelStatus } from "./cluster.enums";
import { Cluster } from "./cluster.entity";
import { PeerPanel } from "./peer-panel.entity";

export const CLUSTER_MOVES: Record<ClusterStatus, ClusterStatus[]> = {
  FORMING: [ClusterStatus.ACTIVE, ClusterStatus.CLOSED],
  ACTIVE: [ClusterStatus.DORMANT, ClusterStatus.CLOSED],
  DORMANT: [ClusterStatus.ACTIVE, ClusterStatus.CLOSED],
  CLOSED: [],
};

export const PANEL_MOVES: Record<PeerPanelStatus, PeerPanelStatus[]> = {
  FORMING: [PeerPanelStatus.ACTIVE, PeerPanelStatus.CLOSED],
  ACTIVE: [PeerPanelStatus.CLOSED],
  CLOSED: [],
};

function refused<S extends string>(what: string, moves: Record<S, S[]>, from: S, to: S): UserError {
  const allowed = moves[from];
  return userError("status", "NOT_ALLOWED_MOVE", allowed.length
    ? `A ${what} that is ${from} can become ${allowed.join(" or ")}, not ${to}.`
    : `A ${what} that is ${from} changes no more.`);
}

/**
 * Moves a cluster to `to`. Closing ends every open membership on `today`, so the history says who was in it
 * until when, and a closed cluster has no current members.
 */
export async function moveCluster(m: EntityManager, actor: Actor, cluster: Cluster, to: ClusterStatus, today: string): Promise<UserError | null> {
  if (!CLUSTER_MOVES[cluster.status].includes(to)) return refused("cluster", CLUSTER_MOVES, cluster.status, to);
  const from = cluster.status;
  cluster.status = to;
  cluster.version += 1;
  cluster.updatedAt = new Date();
  let ended: string[] = [];
  if (to === ClusterStatus.CLOSED) {
    cluster.closedAt = cluster.updatedAt;
    const [rows] = await m.query(
      "UPDATE cluster_membership SET left_on = greatest($2::date, joined_on) WHERE cluster_id = $1 AND left_on IS NULL RETURNING id",
      [cluster.id, today],
    );
    ended = rows.map((r: { id: string }) => r.id);
  }
  await m.save(cluster);
  await audit.record(m, actor, {
    action: to === ClusterStatus.CLOSED ? "cluster.close" : "cluster.move", entityType: "Cluster", entityId: cluster.id,
    before: { status: from, endedMemberships: [] }, after: { status: to, endedMemberships: ended },
  });
  return null;
}

export async function movePanel(m: EntityManager, actor: Actor, panel: PeerPanel, to: PeerPanelStatus): Promise<UserError | null> {
  if (!PANEL_MOVES[panel.status].includes(to)) return refused("panel", PANEL_MOVES, panel.status, to);
  const from = panel.status;
  panel.status = to;
  panel.version += 1;
  panel.updatedAt = new Date();
  await m.save(panel);
  await audit.record(m, actor, {
    action: "peerPanel.move", entityType: "PeerPanel", entityId: panel.id, before: { status: from }, after: { status: to },
  });
  return null;
}
