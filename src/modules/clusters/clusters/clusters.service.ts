// Clusters' own use cases: start one, change it, close it. Each checks access and rules, writes, and audits.
import type { DataSource } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction } from "../../../db/transaction";
import { clusterAccess } from "../access";
import { ClusterKind, ClusterRole, ClusterStatus, ClusterJoining } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { checkNotSector } from "./sector-rule";
import { checkPlace, lockClusterToManage, requireActiveOrganisation, requireOpenCluster } from "./guards";
import { moveCluster, requireClusterMove } from "./cluster.transitions";
import { membershipEvent } from "./cluster.events";
import type { Cause } from "../../organisations/organisation.enums";
import { refusal, refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { requireVersion, saveChange } from "../../../kit/records";
import { londonDate } from "../../../kit/calendar";

export type ClusterResult = Result<{ cluster: Cluster }>;

/** A new cluster: its kind decides which of place, cause and interest it must name. */
export interface NewCluster {
  name: string;
  description?: string | null;
  kind: ClusterKind;
  placeId?: string | null;
  cause?: Cause | null;
  interest?: string | null;
  /** Default APPROVAL: a facilitator approves each organisation that asks to join. */
  joining?: ClusterJoining | null;
}

/** A change to a cluster: omitted fields stay as they are, null clears what may be empty; the kind never changes. */
export interface ClusterChanges {
  expectedVersion: number;
  name?: string | null;
  description?: string | null;
  placeId?: string | null;
  cause?: Cause | null;
  interest?: string | null;
  status?: ClusterStatus | null;
  joining?: ClusterJoining | null;
}

const CLUSTER_LIMITS = { name: 200, description: 5000, interest: 500 };

/** The audited fields of a cluster. */
const snapshot = (c: Cluster) => ({
  name: c.name, description: c.description, kind: c.kind, placeId: c.placeId, cause: c.cause, interest: c.interest, status: c.status,
  joining: c.joining,
});

/** What each kind must name (and may not): the database checks the same, this says it in words. */
function checkKindRules(c: InputChecks, cluster: Pick<Cluster, "kind" | "placeId" | "cause" | "interest">): void {
  if (cluster.kind === ClusterKind.PLACE && !cluster.placeId) c.add("placeId", "PLACE_REQUIRED", "A PLACE cluster needs the place it is for.");
  if (cluster.kind === ClusterKind.CAUSE && !cluster.cause) c.add("cause", "CAUSE_REQUIRED", "A CAUSE cluster needs the cause its members share.");
  if (cluster.kind !== ClusterKind.CAUSE && cluster.cause) c.add("cause", "NOT_FOR_KIND", "Only CAUSE clusters have a cause.");
  if (cluster.kind === ClusterKind.COMMUNITY_OF_INTEREST && !cluster.interest) {
    c.add("interest", "INTEREST_REQUIRED", "A COMMUNITY_OF_INTEREST cluster needs the interest its members share.");
  }
  if (cluster.kind !== ClusterKind.COMMUNITY_OF_INTEREST && cluster.interest) c.add("interest", "NOT_FOR_KIND", "Only COMMUNITY_OF_INTEREST clusters have an interest.");
}

function checkWords(c: InputChecks, name: string | null | undefined, description: string | null | undefined, interest: string | null | undefined) {
  const words = {
    name: c.text("name", name, { max: CLUSTER_LIMITS.name, required: name !== undefined }),
    description: c.text("description", description, { max: CLUSTER_LIMITS.description }),
    interest: c.text("interest", interest, { max: CLUSTER_LIMITS.interest }),
  };
  for (const [field, text] of Object.entries(words)) checkNotSector(c, field, text);
  return words;
}

export class ClustersService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: NewCluster, facilitatorOrganisationId: string | null): Promise<ClusterResult> {
    if (!clusterAccess.create(actor.viewer, facilitatorOrganisationId)) {
      return { errors: [refusal("facilitatorOrganisationId", "NOT_ALLOWED", "Start a cluster for an organisation you own or edit, which will facilitate it (ADMIN may start any).")] };
    }
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const words = checkWords(c, input.name, input.description, input.interest);
      const placeId = await checkPlace(c, m, input.placeId);
      const draft = { kind: input.kind, placeId: placeId ?? null, cause: input.cause ?? null, interest: words.interest ?? null };
      checkKindRules(c, draft);
      if (!c.ok) refuseAll(c.errors);
      if (facilitatorOrganisationId) await requireActiveOrganisation(m, facilitatorOrganisationId, "facilitatorOrganisationId");
      const cluster = await m.save(m.create(Cluster, {
        ...draft, name: words.name!, description: words.description ?? null, joining: input.joining ?? ClusterJoining.APPROVAL,
      }));
      await audit.record(m, actor, { action: "cluster.create", entityType: "Cluster", entityId: cluster.id, after: snapshot(cluster) });
      if (facilitatorOrganisationId) {
        const membership = await m.save(m.create(ClusterMembership, {
          clusterId: cluster.id, organisationId: facilitatorOrganisationId, role: ClusterRole.FACILITATOR, joinedOn: londonDate(),
        }));
        await audit.record(m, actor, {
          action: "cluster.join", entityType: "ClusterMembership", entityId: membership.id,
          after: { clusterId: cluster.id, organisationId: facilitatorOrganisationId, role: membership.role, joinedOn: membership.joinedOn },
        });
        await membershipEvent(m, actor, "cluster.joined", {
          id: membership.id, clusterId: cluster.id, organisationId: facilitatorOrganisationId, role: membership.role, day: membership.joinedOn,
        });
      }
      return { cluster };
    });
  }

  async update(actor: Actor, id: string, input: ClusterChanges): Promise<ClusterResult> {
    return inTransaction(this.db, async (m) => {
      const cluster = await lockClusterToManage(m, actor, id, "id", "change this cluster");
      // A status the lifecycle does not allow (reopening a CLOSED cluster too) is WRONG_STATUS, as for every lifecycle.
      if (input.status && input.status !== cluster.status) requireClusterMove(cluster, input.status);
      requireOpenCluster(cluster, "id");
      requireVersion(cluster, input.expectedVersion, "cluster");
      const before = snapshot(cluster);
      const c = new InputChecks();
      if (input.name === null) c.add("name", "REQUIRED", "A cluster needs a name.");
      const words = checkWords(c, input.name ?? undefined, input.description, input.interest);
      const placeId = await checkPlace(c, m, input.placeId);
      if (words.name) cluster.name = words.name;
      if (input.description !== undefined) cluster.description = words.description ?? null;
      if (input.interest !== undefined) cluster.interest = words.interest ?? null;
      if (input.placeId !== undefined && placeId !== undefined) cluster.placeId = placeId;
      if (input.cause !== undefined) cluster.cause = input.cause;
      if (input.joining) cluster.joining = input.joining;
      checkKindRules(c, cluster);
      if (!c.ok) refuseAll(c.errors);
      if (JSON.stringify(snapshot(cluster)) !== JSON.stringify(before)) {
        await saveChange(m, actor, cluster, { action: "cluster.update", before, after: snapshot(cluster) });
      }
      if (input.status && input.status !== cluster.status) {
        await moveCluster(m, actor, cluster, input.status, londonDate());
      }
      return { cluster };
    });
  }

  /** Closing keeps the history and ends every current membership today; a CLOSED cluster does not close again (WRONG_STATUS). */
  async close(actor: Actor, id: string, expectedVersion: number): Promise<ClusterResult> {
    return inTransaction(this.db, async (m) => {
      const cluster = await lockClusterToManage(m, actor, id, "id", "close this cluster");
      requireVersion(cluster, expectedVersion, "cluster");
      await moveCluster(m, actor, cluster, ClusterStatus.CLOSED, londonDate());
      return { cluster };
    });
  }
}
