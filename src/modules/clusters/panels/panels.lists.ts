// Reading peer panels with their visibility rule: the panels list and the check behind node(id:).
import type { DataSource } from "typeorm";
import { OrganisationRole } from "../../../auth/roles";
import { hasOrganisationRole, isAdmin, Viewer } from "../../../auth/viewer";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, Ordering, PageArgs, paginate } from "../../../graphql/connection";
import { clusterAccess } from "../access";
import { ClusterRole } from "../cluster.enums";
import { PeerPanel } from "./peer-panel.entity";

const NEWEST_FIRST: Ordering = { name: "CREATED_AT", keys: ["p.created_at", "p.id"], direction: "DESC" };

export function listPanels(db: DataSource, viewer: Viewer, args: PageArgs): Promise<ConnectionResult<PeerPanel>> {
  const qb = db.getRepository(PeerPanel).createQueryBuilder("p");
  if (!isAdmin(viewer)) {
    const actingFor = [...viewer.memberships.keys()].filter((id) => hasOrganisationRole(viewer, id, OrganisationRole.EDITOR));
    qb.where(`(p.id IN (SELECT panel_id FROM peer_panel_member WHERE user_id = :userId AND removed_at IS NULL)
      OR p.id IN (SELECT pc.panel_id FROM peer_panel_cluster pc JOIN cluster_membership cm ON cm.cluster_id = pc.cluster_id
                  WHERE cm.role = :facilitator AND cm.left_on IS NULL AND cm.organisation_id = ANY(:actingFor)))`,
    { userId: viewer.userId, facilitator: ClusterRole.FACILITATOR, actingFor });
  }
  return paginate(qb, NEWEST_FIRST, args);
}

/** The panel for node(id:), or null when it does not exist or is hidden from the viewer. */
export async function visiblePanel(ctx: Context, id: string): Promise<PeerPanel | null> {
  const panel = await ctx.loaders.panelById.load(id);
  if (!panel) return null;
  const [members, links] = await Promise.all([ctx.loaders.panelMembersByPanel.load(id), ctx.loaders.panelClustersByPanel.load(id)]);
  const memberships = (await ctx.loaders.openMembershipsByCluster.loadMany(links.map((l) => l.clusterId))).flatMap((x) => (Array.isArray(x) ? x : []));
  const facilitators = memberships.filter((m) => m.role === ClusterRole.FACILITATOR).map((m) => m.organisationId);
  const sitting = members.filter((m) => m.removedAt === null).map((m) => m.userId);
  return clusterAccess.seePanel(ctx.viewer, sitting, facilitators) ? panel : null;
}
