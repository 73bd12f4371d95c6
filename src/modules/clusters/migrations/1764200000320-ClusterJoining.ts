// Joining by approval (issue 10): a cluster says whether organisations join at once or ask first (the default), and
// the requests facilitators approve or refuse.
import type { MigrationInterface, QueryRunner } from "typeorm";

export class ClusterJoining1764200000320 implements MigrationInterface {
  name = "ClusterJoining1764200000320";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cluster ADD COLUMN joining text NOT NULL DEFAULT 'APPROVAL' CHECK (joining IN ('OPEN', 'APPROVAL'))`);
    await q.query(`
      CREATE TABLE cluster_join_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster_id uuid NOT NULL REFERENCES cluster(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
        requested_by uuid REFERENCES app_user(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    await q.query(`CREATE INDEX cluster_join_request_cluster_idx ON cluster_join_request (cluster_id, requested_at)`);
    await q.query(`CREATE INDEX cluster_join_request_organisation_idx ON cluster_join_request (organisation_id)`);
    // One open request per organisation and cluster.
    await q.query(`CREATE UNIQUE INDEX cluster_join_request_pending_key ON cluster_join_request (cluster_id, organisation_id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cluster_join_request`);
    await q.query(`ALTER TABLE cluster DROP COLUMN joining`);
  }
}
