// Partner links: a partner API key changes only the organisations its partner created or an owner linked to it.
import { MigrationInterface, QueryRunner } from "typeorm";

export class OrganisationPartners1764200000100 implements MigrationInterface {
  name = "OrganisationPartners1764200000100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation_partner (
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        partner_id uuid NOT NULL,
        origin text NOT NULL CHECK (origin IN ('CREATED', 'LINKED')),
        linked_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, partner_id)
      )`);
    await q.query(`CREATE INDEX organisation_partner_partner_idx ON organisation_partner (partner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisation_partner`);
  }
}
