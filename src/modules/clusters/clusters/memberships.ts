// Reads about who is in a cluster, shared by the services that apply the clusters' rules.
import type { EntityManager } from "typeorm";
import { ClusterRole } from "../cluster.enums";
import { ClusterMembership } from "./cluster-membership.entity";

/** Organisations currently facilitating any of the clusters. */
export async function facilitatorsOf(m: EntityManager, clusterIds: string[]): Promise<string[]> {
  if (!clusterIds.length) return [];
  const rows: { organisation_id: string }[] = await m.query(
    `SELECT DISTINCT organisation_id FROM cluster_membership
      WHERE cluster_id = ANY($1) AND role = $2 AND left_on IS NULL`,
    [clusterIds, ClusterRole.FACILITATOR],
  );
  return rows.map((r) => r.organisation_id);
}

/** The organisation's open membership period in the cluster, if any, locked for the caller's change. */
export function openMembership(m: EntityManager, clusterId: string, organisationId: string): Promise<ClusterMembership | null> {
  return m.getRepository(ClusterMembership).createQueryBuilder("cm")
    .where("cm.cluster_id = :clusterId AND cm.organisation_id = :organisationId AND cm.left_on IS NULL", { clusterId, organisationId })
    .setLock("pessimistic_write").getOne();
}

/** Of `organisationIds`, those that were members of the cluster on `day` (periods are [joinedOn, leftOn)). */
export async function membersOn(m: EntityManager, clusterId: string, organisationIds: string[], day: string): Promise<Set<string>> {
  if (!organisationIds.length) return new Set();
  const rows: { organisation_id: string }[] = await m.query(
    `SELECT DISTINCT organisation_id FROM cluster_membership
      WHERE cluster_id = $1 AND organisation_id = ANY($2) AND joined_on <= $3 AND (left_on IS NULL OR left_on > $3)`,
    [clusterId, organisationIds, day],
  );
  return new Set(rows.map((r) => r.organisation_id));
}

/** Of `organisationIds`, those currently members of any of the clusters. */
export async function currentMembersOfAny(m: EntityManager, clusterIds: string[], organisationIds: string[]): Promise<Set<string>> {
  if (!clusterIds.length || !organisationIds.length) return new Set();
  const rows: { organisation_id: string }[] = await m.query(
    `SELECT DISTINCT organisation_id FROM cluster_membership
      WHERE cluster_id = ANY($1) AND organisation_id = ANY($2) AND left_on IS NULL`,
    [clusterIds, organisationIds],
  );
  return new Set(rows.map((r) => r.organisation_id));
}
