// Collective applications: partner organisations on an application, each consenting (or declining) for itself.
import { MigrationInterface, QueryRunner } from "typeorm";

export class CollectiveApplications1765000030000 implements MigrationInterface {
  name = "CollectiveApplications1765000030000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE funding_application_partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES funding_application(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        consent text NOT NULL DEFAULT 'INVITED' CHECK (consent IN ('INVITED','CONSENTED','DECLINED')),
        invited_by uuid REFERENCES app_user(id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        responded_by uuid REFERENCES app_user(id),
        responded_at timestamptz,
        CONSTRAINT funding_application_partner_response_check CHECK ((consent = 'INVITED') = (responded_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX funding_application_partner_key ON funding_application_partner (application_id, organisation_id)`);
    await q.query(`CREATE INDEX funding_application_partner_organisation_idx ON funding_application_partner (organisation_id)`);
    // The lead is never its own partner.
    await q.query(`CREATE FUNCTION funding_application_partner_not_lead() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM funding_application a WHERE a.id = NEW.application_id AND a.organisation_id = NEW.organisation_id) THEN
          RAISE EXCEPTION 'the lead organisation cannot be its own partner' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER funding_application_partner_not_lead BEFORE INSERT OR UPDATE ON funding_application_partner
      FOR EACH ROW EXECUTE FUNCTION funding_application_partner_not_lead()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE funding_application_partner`);
    await q.query(`DROP FUNCTION funding_application_partner_not_lead()`);
  }
}
