// What other modules may ask of clusters and peer panels (they never read these tables themselves).
import type { DataSource, EntityManager } from "typeorm";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const clustersApi = {
  /** Members of a peer panel: the people on it and the organisation each sits for. */
  async panelMembers(db: DataSource | EntityManager, panelId: string): Promise<{ userId: string; organisationId: string | null }[]> {
    if (!UUID.test(panelId)) return [];
    const rows: { user_id: string; organisation_id: string | null }[] = await db.query(
      `SELECT user_id, organisation_id FROM peer_panel_member
        WHERE panel_id = $1 AND removed_at IS NULL ORDER BY added_at, id`,
      [panelId],
    );
    return rows.map((r) => ({ userId: r.user_id, organisationId: r.organisation_id }));
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
};
