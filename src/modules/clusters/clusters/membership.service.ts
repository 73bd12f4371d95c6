// Joining and leaving clusters. Each period is kept: leaving closes it, rejoining opens a new one.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction, sqlState } from "../../../db/transaction";
import { clusterAccess } from "../access";
import { ClusterJoining, ClusterRole, JoinRequestStatus } from "../cluster.enums";
import type { Cluster } from "./cluster.entity";
import type { Organisation } from "../../organisations/organisation.entity";
import { ClusterJoinRequest } from "./join-request.entity";
import { allowedFirst, lockRecord } from "../../../kit/records";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { ClusterMembership } from "./cluster-membership.entity";
import { facilitatorsOf, openMembership } from "./memberships";
import { membershipEvent } from "./cluster.events";
import { lockCluster, requireActiveOrganisation, requireOpenCluster } from "./guards";
import { notAllowed, refuse, refuseAll, Result } from "../../../kit/refusals";
import { londonDate } from "../../../kit/calendar";

export type MembershipResult = Result<{ membership: ClusterMembership | null; joinRequest: ClusterJoinRequest | null }>;
export type JoinDecisionResult = Result<{ joinRequest: ClusterJoinRequest; membership: ClusterMembership | null }>;

const cannotDecide = "Only ADMIN and the cluster's facilitators decide requests to join it.";

export class MembershipService {
  constructor(private readonly db: DataSource) {}

  /**
   * An organisation's owners and editors join it as a MEMBER, today: at once where the cluster's joining is OPEN, as a
   * request a facilitator decides where it needs APPROVAL (the default). Facilitators and ADMIN may add any
   * organisation at once, on an earlier day too, and only they appoint a FACILITATOR.
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
      if (!manages) {
        // A member reads the notes of gatherings held while it was a member: joining "in the past" would open them.
        if (joinedOn !== null && joinedOn !== today) {
          refuse("joinedOn", "EARLIER_DAY_NOT_ALLOWED", "An organisation joins today; only facilitators and ADMIN record an earlier joining day.");
        }
        if (cluster.joining === ClusterJoining.APPROVAL) return { membership: null, joinRequest: await this.ask(m, actor, cluster, organisation) };
      }
      return { membership: await admit(m, actor, cluster, organisation, role, joinedOn ?? today), joinRequest: null };
    });
  }

  /** A facilitator (or ADMIN) approves a pending request, admitting the organisation today, or refuses it. */
  async decide(actor: Actor, requestId: string, approve: boolean): Promise<JoinDecisionResult> {
    return inTransaction(this.db, async (m) => {
      const seen = await allowedFirst(m, actor, ClusterJoinRequest, requestId, {
        allows: async (mm, a, r) => clusterAccess.decideJoining(a.viewer, await facilitatorsOf(mm, [r.clusterId])),
        refusal: cannotDecide,
      }, { noun: "request to join", field: "requestId" });
      const cluster = await lockCluster(m, seen.clusterId, "requestId");
      const request = await lockRecord(m, ClusterJoinRequest, requestId, { noun: "request to join", field: "requestId" });
      if (request.status !== JoinRequestStatus.PENDING) {
        refuse("requestId", WRONG_STATUS, `This request has already been decided (${request.status}).`);
      }
      let membership: ClusterMembership | null = null;
      if (approve) {
        requireOpenCluster(cluster, "requestId");
        const organisation = await requireActiveOrganisation(m, request.organisationId, "requestId");
        if (await openMembership(m, cluster.id, organisation.id)) {
          refuse("requestId", "ALREADY_MEMBER", `${organisation.name} is already a member of ${cluster.name}.`);
        }
        membership = await admit(m, actor, cluster, organisation, ClusterRole.MEMBER, londonDate());
      }
      request.status = approve ? JoinRequestStatus.APPROVED : JoinRequestStatus.REFUSED;
      request.decidedAt = new Date();
      request.decidedBy = actor.viewer.userId;
      await m.save(request);
      await audit.record(m, actor, {
        action: approve ? "cluster.joinRequest.approve" : "cluster.joinRequest.refuse", entityType: "ClusterJoinRequest", entityId: request.id,
        before: { status: JoinRequestStatus.PENDING }, after: { status: request.status, membershipId: membership?.id ?? null },
      });
      return { joinRequest: request, membership };
    });
  }

  private async ask(m: EntityManager, actor: Actor, cluster: Cluster, organisation: Organisation): Promise<ClusterJoinRequest> {
    const already = () => refuse("organisationId", "ALREADY_REQUESTED", `${organisation.name} has already asked to join ${cluster.name}; a facilitator will decide.`);
    if (await m.findOneBy(ClusterJoinRequest, { clusterId: cluster.id, organisationId: organisation.id, status: JoinRequestStatus.PENDING })) already();
    const request = await m.save(m.create(ClusterJoinRequest, {
      clusterId: cluster.id, organisationId: organisation.id, requestedBy: actor.viewer.userId,
    })).catch((e) => (sqlState(e) === "23505" ? already() : Promise.reject(e)));
    await audit.record(m, actor, {
      action: "cluster.joinRequest", entityType: "ClusterJoinRequest", entityId: request.id,
      after: { clusterId: cluster.id, organisationId: organisation.id },
    });
    return request;
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
      return { membership, joinRequest: null };
    });
  }
}

/** Opens a membership period on `day`, audited, with its domain event. */
async function admit(m: EntityManager, actor: Actor, cluster: Cluster, organisation: Organisation, role: ClusterRole, day: string): Promise<ClusterMembership> {
  const today = londonDate();
  if (day > today) refuse("joinedOn", "IN_FUTURE", "The joining date cannot be in the future.");
  const [last] = await m.query(
    "SELECT max(left_on)::text AS left_on FROM cluster_membership WHERE cluster_id = $1 AND organisation_id = $2", [cluster.id, organisation.id],
  );
  if (last.left_on && day < last.left_on) {
    refuse("joinedOn", "OVERLAPS_EARLIER_PERIOD", `${organisation.name} was a member until ${last.left_on}; rejoin on or after that day.`);
  }
  const membership = await m.save(m.create(ClusterMembership, { clusterId: cluster.id, organisationId: organisation.id, role, joinedOn: day }))
    .catch((e) => (sqlState(e) === "23505"
      ? refuse("organisationId", "ALREADY_MEMBER", `${organisation.name} is already a member of ${cluster.name}.`)
      : Promise.reject(e)));
  await audit.record(m, actor, {
    action: "cluster.join", entityType: "ClusterMembership", entityId: membership.id,
    after: { clusterId: cluster.id, organisationId: organisation.id, role, joinedOn: day },
  });
  await membershipEvent(m, actor, "cluster.joined", { id: membership.id, clusterId: cluster.id, organisationId: organisation.id, role, day });
  return membership;
}
