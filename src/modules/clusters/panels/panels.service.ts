// Peer panels: create one from clusters, change its name or status, and add or remove the people on it.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { User } from "../../../auth/user.entity";
import { inTransaction, sqlState } from "../../../db/transaction";
import { organisationsApi } from "../../organisations/organisations.api";
import { clusterAccess } from "../access";
import { ClusterStatus, PeerPanelStatus } from "../cluster.enums";
import { Cluster } from "../clusters/cluster.entity";
import { PeerPanel, PeerPanelCluster, PeerPanelMember } from "./peer-panel.entity";
import { currentMembersOfAny } from "../clusters/memberships";
import { managedThrough, requireManager } from "../clusters/guards";
import { movePanel } from "./panel.transitions";
import { refuse, refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { allowedFirst, lockRecord, requireVersion, saveChange } from "../../../kit/records";

export type PanelResult = Result<{ panel: PeerPanel }>;

const MAX_CLUSTERS = 20;

const MANAGE = "manage a panel drawn from it";

async function clustersOfPanel(m: EntityManager, panelId: string): Promise<string[]> {
  return (await m.find(PeerPanelCluster, { where: { panelId } })).map((r) => r.clusterId);
}

/** A panel's managers (those of its clusters), asked before anything is locked (kit/records `allowedFirst`). */
const managesPanel = managedThrough<PeerPanel>((m, p) => clustersOfPanel(m, p.id), MANAGE);
const managesSeat = managedThrough<PeerPanelMember>((m, s) => clustersOfPanel(m, s.panelId), MANAGE);

async function lockPanel(m: EntityManager, id: string, field: string): Promise<{ panel: PeerPanel; clusterIds: string[] }> {
  const panel = await lockRecord(m, PeerPanel, id, { noun: "peer panel", field });
  return { panel, clusterIds: await clustersOfPanel(m, id) };
}

function requireOpen(panel: PeerPanel): void {
  if (panel.status === PeerPanelStatus.CLOSED) refuse("panelId", "PANEL_CLOSED", "This panel is closed; its members no longer change.");
}

export class PanelsService {
  constructor(private readonly db: DataSource | EntityManager) {}

  async create(actor: Actor, input: { name: string; clusterIds: string[] }): Promise<PanelResult> {
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const name = c.text("name", input.name, { max: 200, required: true });
      const clusterIds = [...new Set(input.clusterIds)];
      if (!clusterIds.length) c.add("clusterIds", "REQUIRED", "Name at least one cluster the panel is drawn from.");
      if (clusterIds.length > MAX_CLUSTERS) c.add("clusterIds", "TOO_MANY", `A panel is drawn from at most ${MAX_CLUSTERS} clusters.`);
      const clusters = clusterIds.length ? await m.getRepository(Cluster).createQueryBuilder("c")
        .where("c.id = ANY(:ids)", { ids: clusterIds }).getMany() : [];
      input.clusterIds.forEach((id, i) => {
        const cluster = clusters.find((x) => x.id === id);
        if (!cluster) c.add(`clusterIds.${i}`, "NOT_FOUND", "No cluster has that ID.");
        else if (cluster.status === ClusterStatus.CLOSED) c.add(`clusterIds.${i}`, "CLUSTER_CLOSED", `${cluster.name} is closed; draw the panel from open clusters.`);
      });
      if (!c.ok) refuseAll(c.errors);
      await requireManager(m, actor, clusterIds, "manage a panel drawn from it");
      const panel = await m.save(m.create(PeerPanel, { name: name! }));
      await m.insert(PeerPanelCluster, clusterIds.map((clusterId) => ({ panelId: panel.id, clusterId })));
      await audit.record(m, actor, {
        action: "peerPanel.create", entityType: "PeerPanel", entityId: panel.id,
        after: { name: panel.name, status: panel.status, clusterIds },
      });
      return { panel };
    });
  }

  async update(actor: Actor, id: string, input: { expectedVersion: number; name?: string | null; status?: PeerPanelStatus | null }): Promise<PanelResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, PeerPanel, id, managesPanel, { noun: "peer panel", field: "id" });
      const { panel } = await lockPanel(m, id, "id");
      requireVersion(panel, input.expectedVersion, "panel");
      const c = new InputChecks();
      const name = input.name === undefined ? undefined : c.text("name", input.name, { max: 200, required: true });
      if (!c.ok) refuseAll(c.errors);
      if (name && name !== panel.name) {
        const before = { name: panel.name };
        panel.name = name;
        await saveChange(m, actor, panel, { action: "peerPanel.update", before, after: { name } });
      }
      if (input.status && input.status !== panel.status) {
        await movePanel(m, actor, panel, input.status);
      }
      return { panel };
    });
  }

  /**
   * Adds a person. Sitting for an organisation needs the person to be one of its members and the organisation to
   * be a current member of one of the panel's clusters; sitting for none needs the PANEL_MEMBER role. Unknown
   * emails and ineligible people get the same answer, so the mutation cannot be used to find out who has an account.
   */
  async addMember(actor: Actor, panelId: string, email: string, organisationId: string | null): Promise<PanelResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, PeerPanel, panelId, managesPanel, { noun: "peer panel", field: "panelId" });
      const { panel, clusterIds } = await lockPanel(m, panelId, "panelId");
      requireOpen(panel);
      const user = await m.getRepository(User).createQueryBuilder("u").where("lower(u.email) = lower(:email)", { email: email.trim() }).getOne();
      if (organisationId && !(await currentMembersOfAny(m, clusterIds, [organisationId])).has(organisationId)) {
        refuse("organisationId", "NOT_MEMBER", "That organisation is not a current member of any of the panel's clusters.");
      }
      const eligible = user && (organisationId
        ? await organisationsApi.hasMember(m, organisationId, user.id)
        : clusterAccess.sitsWithoutOrganisation(user.roles));
      if (!user || !eligible) {
        refuse("email", "NOT_ELIGIBLE", organisationId
          ? "No member of that organisation has that email; a person sits for an organisation they belong to."
          : "No PANEL_MEMBER has that email; name the member organisation the person sits for.");
      }
      const member = await m.save(m.create(PeerPanelMember, { panelId, userId: user.id, organisationId }))
        .catch((e) => {
          if (sqlState(e) === "23505") refuse("email", "ALREADY_ON_PANEL", "That person already sits on this panel.");
          throw e;
        });
      await audit.record(m, actor, {
        action: "peerPanel.addMember", entityType: "PeerPanelMember", entityId: member.id,
        after: { panelId, userId: user.id, organisationId },
      });
      return { panel };
    });
  }

  async removeMember(actor: Actor, panelMemberId: string): Promise<PanelResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, PeerPanelMember, panelMemberId, managesSeat, { noun: "panel member", field: "panelMemberId" });
      const member = await m.findOne(PeerPanelMember, { where: { id: panelMemberId }, lock: { mode: "pessimistic_write" } });
      if (!member || member.removedAt) {
        refuse("panelMemberId", "NOT_FOUND", "No one currently on a panel has that ID.");
      }
      const { panel } = await lockPanel(m, member.panelId, "panelMemberId");
      requireOpen(panel);
      member.removedAt = new Date();
      await m.save(member);
      await audit.record(m, actor, {
        action: "peerPanel.removeMember", entityType: "PeerPanelMember", entityId: member.id,
        before: { removedAt: null }, after: { removedAt: member.removedAt },
      });
      return { panel };
    });
  }
}
