// What other modules may ask of clusters and peer panels (they never read these tables themselves).
import type { DataSource, EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { refused, refuseAll, Result } from "../../kit/refusals";
import { PanelsService } from "./panels/panels.service";
import { Sql } from "../../graphql/sql";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PanelSeat {
  userId: string;
  organisationId: string | null;
}

export const clustersApi = {
  /** Members of a peer panel: the people on it and the organisation each sits for. */
  async panelMembers(db: DataSource | EntityManager, panelId: string): Promise<PanelSeat[]> {
    return (await clustersApi.panelMembersOf(db, [panelId])).get(panelId) ?? [];
  },

  /** The current members of many panels in one statement (for loaders), by panel id. */
  async panelMembersOf(db: DataSource | EntityManager, panelIds: readonly string[]): Promise<Map<string, PanelSeat[]>> {
    const ids = panelIds.filter((id) => UUID.test(id));
    const seats = new Map<string, PanelSeat[]>(ids.map((id) => [id, []]));
    if (!ids.length) return seats;
    const rows: { panel_id: string; user_id: string; organisation_id: string | null }[] = await db.query(
      `SELECT panel_id, user_id, organisation_id FROM peer_panel_member
        WHERE panel_id = ANY($1) AND removed_at IS NULL ORDER BY added_at, id`,
      [ids],
    );
    for (const r of rows) seats.get(r.panel_id)!.push({ userId: r.user_id, organisationId: r.organisation_id });
    return seats;
  },

  /** Panels the user currently sits on. */
  async panelsOf(db: DataSource | EntityManager, userId: string): Promise<string[]> {
    if (!UUID.test(userId)) return [];
    const rows: { panel_id: string }[] = await db.query(
      "SELECT DISTINCT panel_id FROM peer_panel_member WHERE user_id = $1 AND removed_at IS NULL", [userId],
    );
    return rows.map((r) => r.panel_id);
  },

  /** A panel by its exact name (the demo data refers to its panel this way). */
  async panelIdByName(db: DataSource | EntityManager, name: string): Promise<string | null> {
    const [row] = await db.query("SELECT id FROM peer_panel WHERE name = $1 ORDER BY created_at, id LIMIT 1", [name]);
    return row?.id ?? null;
  },

  /** The oldest cluster still forming or active, if any (generators draw a panel from it). */
  async firstOpenClusterId(db: DataSource | EntityManager): Promise<string | null> {
    const [row] = await db.query("SELECT id FROM cluster WHERE status IN ('FORMING', 'ACTIVE') ORDER BY created_at, id LIMIT 1");
    return row?.id ?? null;
  },

  async panelExists(db: DataSource | EntityManager, panelId: string): Promise<boolean> {
    if (!UUID.test(panelId)) return false;
    const [row] = await db.query("SELECT EXISTS (SELECT 1 FROM peer_panel WHERE id = $1) AS found", [panelId]);
    return row.found === true;
  },

  /** Organisations that currently share at least one cluster with this one (excluding itself). */
  async organisationsSharingACluster(db: DataSource | EntityManager, organisationId: string): Promise<Set<string>> {
    if (!UUID.test(organisationId)) return new Set();
    const rows: { organisation_id: string }[] = await db.query(
      `SELECT DISTINCT other.organisation_id
         FROM cluster_membership mine
         JOIN cluster_membership other ON other.cluster_id = mine.cluster_id AND other.left_on IS NULL
        WHERE mine.organisation_id = $1 AND mine.left_on IS NULL AND other.organisation_id <> $1`,
      [organisationId],
    );
    return new Set(rows.map((r) => r.organisation_id));
  },

  /**
   * Of `others`, those that gave help to or received help from any of `organisationIds` through a recorded peer
   * exchange agreed or completed between `since` and `until` (days): a trading relationship, for conflicts of interest.
   */
  async exchangedWithin(db: DataSource | EntityManager, organisationIds: string[], others: string[], since: string, until: string): Promise<Set<string>> {
    const mine = organisationIds.filter((id) => UUID.test(id));
    const theirs = others.filter((id) => UUID.test(id));
    if (!mine.length || !theirs.length) return new Set();
    const rows: { other: string }[] = await db.query(
      `SELECT CASE WHEN giver_id = ANY($1) THEN receiver_id ELSE giver_id END AS other FROM peer_exchange
        WHERE ((giver_id = ANY($1) AND receiver_id = ANY($2)) OR (receiver_id = ANY($1) AND giver_id = ANY($2)))
          AND agreed_on <= $4::date AND (agreed_on >= $3::date OR completed_on >= $3::date)`,
      [mine, theirs, since, until],
    );
    return new Set(rows.map((r) => r.other));
  },

  /** Names of the clusters that both an organisation of `organisationIds` and one of `others` belong to now. */
  async clustersShared(db: DataSource | EntityManager, organisationIds: string[], others: string[]): Promise<string[]> {
    const mine = organisationIds.filter((id) => UUID.test(id));
    const theirs = others.filter((id) => UUID.test(id));
    if (!mine.length || !theirs.length) return [];
    const rows: { name: string }[] = await db.query(
      `SELECT c.name FROM cluster c WHERE EXISTS (
          SELECT 1 FROM cluster_membership a WHERE a.cluster_id = c.id AND a.organisation_id = ANY($1) AND a.left_on IS NULL)
        AND EXISTS (
          SELECT 1 FROM cluster_membership b WHERE b.cluster_id = c.id AND b.organisation_id = ANY($2) AND b.left_on IS NULL)
        ORDER BY c.name`,
      [mine, theirs],
    );
    return rows.map((r) => r.name);
  },

  /**
   * A peer panel drawn from `clusterIds` with these people on it (by email, each sitting for an organisation or for
   * none), made through the panels service so its rules and audit apply: for other modules' demo and scale data.
   */
  async createPanel(db: DataSource | EntityManager, actor: Actor, input: {
    name: string; clusterIds: string[]; members: { email: string; organisationId: string | null }[];
  }): Promise<Result<{ panelId: string }>> {
    return inTransaction(db, async (m) => {
      const panels = new PanelsService(m);
      const created = await panels.create(actor, { name: input.name, clusterIds: input.clusterIds });
      if (refused(created)) refuseAll(created.errors);
      for (const { email, organisationId } of input.members) {
        const added = await panels.addMember(actor, created.panel.id, email, organisationId);
        if (refused(added)) refuseAll(added.errors);
      }
      return { panelId: created.panel.id };
    });
  },

  /** SQL of (organisation_id, key) rows: each organisation's current clusters (key is the cluster's id), for summaries. */
  currentMembershipsSql(): Sql {
    return Sql.raw("SELECT organisation_id, cluster_id AS key FROM cluster_membership WHERE left_on IS NULL");
  },
};
