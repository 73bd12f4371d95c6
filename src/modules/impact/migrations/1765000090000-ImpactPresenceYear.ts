// impact_presence_year: which quarters of each year an organisation reported in, as a mask (bit 0 = Q1 … bit 3 = Q4),
// one row per organisation and year (a quarter of impact_presence's rows). Summaries by PLACE and YEAR count
// organisations from it without a distinct over every quarter, and build suppression cells (registered place ×
// quarter) from its bits. Kept by row triggers on impact_presence, so it follows every writer impact_presence follows:
// a presence row appearing sets its quarter's bit, one going clears it. Bit operations on one row commute and the row
// lock queues writers of the same organisation and year, and a quarter's bit can only be cleared once the presence row
// that set it is committed, so concurrent writers cannot lose a bit.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ImpactPresenceYear1765000090000 implements MigrationInterface {
  name = "ImpactPresenceYear1765000090000";

  async up(q: QueryRunner): Promise<void> {
    await q.query("SET LOCAL statement_timeout = 0");
    await q.query(`
      CREATE TABLE impact_presence_year (
        organisation_id uuid NOT NULL,
        year date NOT NULL,
        quarters smallint NOT NULL CHECK (quarters BETWEEN 0 AND 15),
        PRIMARY KEY (organisation_id, year)
      )`);
    await q.query(`CREATE INDEX impact_presence_year_year_idx ON impact_presence_year (year) INCLUDE (organisation_id, quarters)`);
    const bit = (t: string) => `(1 << (extract(quarter FROM ${t}.quarter)::int - 1))::smallint`;
    await q.query(`
      CREATE FUNCTION impact_presence_year_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO impact_presence_year AS t (organisation_id, year, quarters)
          VALUES (NEW.organisation_id, date_trunc('year', NEW.quarter)::date, ${bit("NEW")})
          ON CONFLICT (organisation_id, year) DO UPDATE SET quarters = t.quarters | excluded.quarters;
        ELSE
          -- An emptied row goes at once (the mask is 0 only between these two statements).
          UPDATE impact_presence_year SET quarters = quarters & ~${bit("OLD")}
           WHERE organisation_id = OLD.organisation_id AND year = date_trunc('year', OLD.quarter)::date;
          DELETE FROM impact_presence_year WHERE organisation_id = OLD.organisation_id AND year = date_trunc('year', OLD.quarter)::date AND quarters = 0;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER impact_presence_year_on_insert AFTER INSERT ON impact_presence FOR EACH ROW EXECUTE FUNCTION impact_presence_year_changed()`);
    await q.query(`CREATE TRIGGER impact_presence_year_on_delete AFTER DELETE ON impact_presence FOR EACH ROW EXECUTE FUNCTION impact_presence_year_changed()`);
    await q.query(`
      INSERT INTO impact_presence_year (organisation_id, year, quarters)
      SELECT organisation_id, date_trunc('year', quarter)::date, bit_or((1 << (extract(quarter FROM quarter)::int - 1)))::smallint
        FROM impact_presence GROUP BY 1, 2`);
    await q.query(`ANALYZE impact_presence_year`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER impact_presence_year_on_insert ON impact_presence`);
    await q.query(`DROP TRIGGER impact_presence_year_on_delete ON impact_presence`);
    await q.query(`DROP FUNCTION impact_presence_year_changed`);
    await q.query(`DROP TABLE impact_presence_year`);
  }
}
