// The domain events of cluster life, recorded in the change's transaction: other modules and partners follow who is
// in which cluster by them. Every membership period that opens has a cluster.joined and every one that ends (by
// leaving, or when its cluster closes) a cluster.left, so the membership history can be followed from the events
// alone.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { domainEvents } from "../../../events/domain-events";
import type { ClusterRole } from "../cluster.enums";

export interface MembershipMoment {
  /** The membership period's id. */
  id: string;
  clusterId: string;
  organisationId: string;
  role: ClusterRole;
  /** The UK day it began (joined) or the first day no longer a member (left). */
  day: string;
}

export function membershipEvent(m: EntityManager, actor: Actor, type: "cluster.joined" | "cluster.left", p: MembershipMoment): Promise<string> {
  return domainEvents.record(m, actor, {
    type, subjectType: "ClusterMembership", subjectId: p.id,
    data: { clusterId: p.clusterId, organisationId: p.organisationId, role: p.role, day: p.day },
  });
}

/** A cluster closed on `day` (its current memberships each get their own cluster.left first). */
export function clusterClosedEvent(m: EntityManager, actor: Actor, clusterId: string, day: string): Promise<string> {
  return domainEvents.record(m, actor, { type: "cluster.closed", subjectType: "Cluster", subjectId: clusterId, data: { clusterId, day } });
}
