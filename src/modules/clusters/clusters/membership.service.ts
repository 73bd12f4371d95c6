// Joining and leaving clusters. Each period is kept: leaving closes it, rejoining opens a new one.
import type { DataSource } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction, sqlState } from "../../../db/transaction";
import { clusterAccess } from "../access";
import { ClusterRole } from "../cluster.enums";
import { ClusterMembership } from "./cluster-membership.entity";
import { facilitatorsOf, openMembership } from "./memberships";
import { membershipEvent } from "./cluster.events";
import { lockCluster, requireActiveOrganisation, requireOpenCluster } from "./guards";
import { notAllowed, refuse, refuseAll, Result } from "../../../kit/refusals";
import { londonDate } from "../../../kit/calendar";

export type MembershipResult = Result<{ membership: ClusterMembership }>;

export class MembershipService {
  constructor(private readonly db: DataSource) {}

  /**
   * An organisation's owners and editors join it as a MEMBER; facilitators and ADMIN may add any organisation,
   * and only they appoint a FACILITATOR.
   */
  async join(actor: Actor, clusterId: string, organisationId: string, role: ClusterRole, joinedOn: string | null): Promise<MembershipResult> {
    return inTransaction(this.db, async (m) => {
      const cluster = await lockCluster(m, clusterId, "clusterId");
      const manages = clusterAccess.manage(actor.viewer, await facilitatorsOf(m, [clusterId]));
      if (!(manages || (role === ClusterRole.MEMBER && clusterAccess.actFor(actor.viewer, organisationId)))) {
        refuseAll([notAllowed(role === ClusterRole.FACILITATOR
          ? "Only ADMIN and the cluster's facilitators appoint a facilitator."
          : "Join for an organisation you own or edit; facilitators and ADMIN may add any organisation.")]);
      }
      requireOpenCluster(cluster, "clusterId");
      const organisation = await requireActiveOrganisation(m, organisationId, "organisationId");
      if (await openMembership(m, clusterId, organisationId)) {
        refuse("organisationId", "ALREADY_MEMBER", `${organisation.name} is already a member of ${cluster.name}.`);
      }
      const today = londonDate();
      const day = joinedOn ?? today;
      if (day > today) refuse("joinedOn", "IN_FUTURE", "The joining date cannot be in the future.");
      const [last] = await m.query(
        "SELECT max(left_on)::text AS left_on FROM cluster_membership WHERE cluster_id = $1 AND organisation_id = $2", [clusterId, organisationId],
      );
      if (last.left_on && day < last.left_on) {
        refuse("joinedOn", "OVERLAPS_EARLIER_PERIOD", `${organisation.name} was a member until ${last.left_on}; rejoin on or after that day.`);
      }
      const membership = await m.save(m.create(ClusterMembership, { clusterId, organisationId, role, joinedOn: day }))
        .catch((e) => (sqlState(e) === "23505"
          ? refuse("organisationId", "ALREADY_MEMBER", `${organisation.name} is already a member of ${cluster.name}.`)
          : Promise.reject(e)));
      await audit.record(m, actor, {
        action: "cluster.join", entityType: "ClusterMembership", entityId: membership.id,
        after: { clusterId, organisationId, role, joinedOn: day },
      });
      await membershipEvent(m, actor, "cluster.joined", { id: membership.id, clusterId, organisationId, role, day });
      return { membership };
    });
  }

  /** The organisation's owners and editors, the cluster's facilitators and ADMIN may end a membership. */
  async leave(actor: Actor, clusterId: string, organisationId: string, leftOn: string | null): Promise<MembershipResult> {
    return inTransaction(this.db, async (m) => {
      const cluster = await lockCluster(m, clusterId, "clusterId");
      if (!clusterAccess.actFor(actor.viewer, organisationId) && !clusterAccess.manage(actor.viewer, await facilitatorsOf(m, [clusterId]))) {
        refuseAll([notAllowed("Leave for an organisation you own or edit; facilitators and ADMIN may end any membership.")]);
      }
      const membership = await openMembership(m, clusterId, organisationId);
      if (!membership) refuse("organisationId", "NOT_MEMBER", `That organisation is not a current member of ${cluster.name}.`);
      const today = londonDate();
      const day = leftOn ?? today;
      if (day > today) refuse("leftOn", "IN_FUTURE", "The leaving date cannot be in the future.");
      if (day < membership.joinedOn) refuse("leftOn", "BEFORE_JOINED", `The membership began on ${membership.joinedOn}; it cannot end before that.`);
      membership.leftOn = day;
      await m.save(membership);
      await audit.record(m, actor, {
        action: "cluster.leave", entityType: "ClusterMembership", entityId: membership.id, before: { leftOn: null }, after: { leftOn: day },
      });
      await membershipEvent(m, actor, "cluster.left", { id: membership.id, clusterId, organisationId, role: membership.role, day });
      return { membership };
    });
  }
}
