// Checks the clusters' services share inside a transaction: most refuse at once by rolling back with a refusal;
// checkPlace adds to the input checks so it is reported with the other field errors.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { placesApi } from "../../places/places.api";
import { organisationsApi } from "../../organisations/organisations.api";
import type { Organisation } from "../../organisations/organisation.entity";
import { clusterAccess } from "../access";
import { ClusterStatus } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { facilitatorsOf } from "./memberships";
import { notAllowed, refuse, refuseAll } from "../../../kit/refusals";
import { ActRule, allowedFirst, lockRecord } from "../../../kit/records";
import { InputChecks } from "../../../kit/input-checks";

export function lockCluster(m: EntityManager, id: string, field: string): Promise<Cluster> {
  return lockRecord(m, Cluster, id, { noun: "cluster", field });
}

export function requireOpenCluster(cluster: Cluster, field: string): void {
  if (cluster.status === ClusterStatus.CLOSED) refuse(field, "CLUSTER_CLOSED", `${cluster.name} is closed; its history stays but nothing more happens in it.`);
}

/**
 * Acting on something that hangs off clusters (the cluster itself, a gathering, a panel): ADMIN and those acting for a
 * facilitator of one of them, as a rule for `allowedFirst`, e.g. managedThrough((_m, g) => [g.clusterId], "record ...").
 */
export function managedThrough<T>(clustersOf: (m: EntityManager, record: T) => string[] | Promise<string[]>, what: string): ActRule<T> {
  return {
    allows: async (m, a, record) => clusterAccess.manage(a.viewer, await facilitatorsOf(m, await clustersOf(m, record))),
    refusal: `Only ADMIN and the cluster's facilitators may ${what}.`,
  };
}

/**
 * Locks a cluster for its managers (ADMIN, those acting for a facilitator), asking who is asking before the lock: a
 * caller who may not manage it locks nothing and is refused the same way whether or not it exists.
 */
export async function lockClusterToManage(m: EntityManager, actor: Actor, id: string, field: string, what: string): Promise<Cluster> {
  await allowedFirst(m, actor, Cluster, id, managedThrough((_m, c) => [c.id], what), { noun: "cluster", field });
  return lockCluster(m, id, field);
}

/** ADMIN, or someone acting for an organisation that facilitates one of the clusters. */
export async function requireManager(m: EntityManager, actor: Actor, clusterIds: string[], what: string): Promise<void> {
  if (!clusterAccess.manage(actor.viewer, await facilitatorsOf(m, clusterIds))) {
    refuseAll([notAllowed(`Only ADMIN and the cluster's facilitators may ${what}.`)]);
  }
}

/** An organisation in the register that is not archived. */
export async function requireActiveOrganisation(m: EntityManager, id: string, field: string): Promise<Organisation> {
  const organisation = (await organisationsApi.byIds(m, [id])).get(id);
  if (!organisation) refuse(field, "NOT_FOUND", "No organisation has that ID.");
  if (organisation.archivedAt) refuse(field, "ARCHIVED", `${organisation.name} is archived.`);
  return organisation;
}

/** Checks a place exists; undefined stays undefined (not given), null stays null (cleared). */
export async function checkPlace(c: InputChecks, m: EntityManager, placeId: string | null | undefined): Promise<string | null | undefined> {
  if (placeId === undefined || placeId === null) return placeId;
  if (!(await placesApi.existing(m, [placeId])).has(placeId)) c.add("placeId", "UNKNOWN_PLACE", "No place has that ID.");
  return placeId;
}
