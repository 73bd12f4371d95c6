// Reading peer panels under their visibility rule (clusterAccess.seePanel): the panels list applies its SQL form,
// node(id:) its predicate over facts read through loaders.
import type { DataSource } from "typeorm";
import type { Viewer } from "../../../auth/viewer";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, Ordering, PageArgs, paginate } from "../../../graphql/connection";
import { clusterAccess } from "../access";
import { ClusterRole } from "../cluster.enums";
import { PeerPanel } from "./peer-panel.entity";

const NEWEST_FIRST: Ordering = { name: "CREATED_AT", keys: ["p.created_at", "p.id"], direction: "DESC" };

export function listPanels(db: DataSource, viewer: Viewer, args: PageArgs): Promise<ConnectionResult<PeerPanel>> {
  const visible = clusterAccess.seePanel.sql(viewer, "p.id");
  const qb = db.getRepository(PeerPanel).createQueryBuilder("p").where(visible.condition, visible.params);
  return paginate(qb, NEWEST_FIRST, args);
}

/** The panel for node(id:), or null when it does not exist or is hidden from the viewer. */
export async function visiblePanel(ctx: Context, id: string): Promise<PeerPanel | null> {
  if (!clusterAccess.seePanel.couldAllow(ctx.viewer)) return null;
  const panel = await ctx.loaders.panelById.load(id);
  if (!panel) return null;
  const [members, links] = await Promise.all([ctx.loaders.panelMembersByPanel.load(id), ctx.loaders.panelClustersByPanel.load(id)]);
  const memberships = (await ctx.loaders.openMembershipsByCluster.loadMany(links.map((l) => l.clusterId))).flatMap((x) => (Array.isArray(x) ? x : []));
  return clusterAccess.seePanel.allows(ctx.viewer, {
    sittingUserIds: members.filter((m) => m.removedAt === null).map((m) => m.userId),
    facilitatorOrganisationIds: memberships.filter((m) => m.role === ClusterRole.FACILITATOR).map((m) => m.organisationId),
  }) ? panel : null;
}
