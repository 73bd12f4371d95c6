// Places and the Liverpool City Region reference data (the combined authority and its six boroughs).
import { MigrationInterface, QueryRunner } from "typeorm";

const LCR = { code: "E47000004", name: "Liverpool City Region Combined Authority" };
const BOROUGHS: [string, string][] = [
  ["E06000006", "Halton"],
  ["E08000011", "Knowsley"],
  ["E08000012", "Liverpool"],
  ["E08000013", "St Helens"],
  ["E08000014", "Sefton"],
  ["E08000015", "Wirral"],
];

export class Places1763900000100 implements MigrationInterface {
  name = "Places1763900000100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE place (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('COMBINED_AUTHORITY','LOCAL_AUTHORITY','WARD','NEIGHBOURHOOD')),
        code text NOT NULL,
        name text NOT NULL,
        parent_id uuid REFERENCES place(id)
      )`);
    await q.query(`CREATE UNIQUE INDEX place_code_key ON place (code)`);
    await q.query(`CREATE INDEX place_kind_idx ON place (kind)`);
    await q.query(`CREATE INDEX place_parent_idx ON place (parent_id)`);
    await q.query(`CREATE INDEX place_name_idx ON place (lower(name), id)`);
    await q.query(`INSERT INTO place (kind, code, name) VALUES ('COMBINED_AUTHORITY', $1, $2)`, [LCR.code, LCR.name]);
    for (const [code, name] of BOROUGHS) {
      await q.query(
        `INSERT INTO place (kind, code, name, parent_id)
         SELECT 'LOCAL_AUTHORITY', $1, $2, id FROM place WHERE code = $3`,
        [code, name, LCR.code],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE place`);
  }
}
