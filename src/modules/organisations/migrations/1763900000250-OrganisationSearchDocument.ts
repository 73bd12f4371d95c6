// A stored, weighted search document per organisation (name above description), kept by a trigger and GIN-indexed,
// so searches no longer recompute to_tsvector for every candidate row.
import { MigrationInterface, QueryRunner } from "typeorm";

export class OrganisationSearchDocument1763900000250 implements MigrationInterface {
  name = "OrganisationSearchDocument1763900000250";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation ADD COLUMN search_document tsvector`);
    await q.query(`
      CREATE FUNCTION organisation_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_document := setweight(to_tsvector('english'::regconfig, NEW.name), 'A')
          || setweight(to_tsvector('english'::regconfig, coalesce(NEW.description, '')), 'B');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER organisation_search_document BEFORE INSERT OR UPDATE OF name, description ON organisation
      FOR EACH ROW EXECUTE FUNCTION organisation_search_document()`);
    await q.query(`UPDATE organisation SET name = name`);
    await q.query(`DROP INDEX organisation_search_idx`);
    await q.query(`CREATE INDEX organisation_search_idx ON organisation USING gin (search_document)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organisation_search_idx`);
    await q.query(`CREATE INDEX organisation_search_idx ON organisation
      USING gin (to_tsvector('english'::regconfig, name || ' ' || coalesce(description, '')))`);
    await q.query(`DROP TRIGGER organisation_search_document ON organisation`);
    await q.query(`DROP FUNCTION organisation_search_document`);
    await q.query(`ALTER TABLE organisation DROP COLUMN search_document`);
  }
}
