// Places loaded by the demo data set are marked, so nobody mistakes an illustrative ward for ONS geography; a place is
// never its own parent (imports refuse longer cycles, under one lock).
import { MigrationInterface, QueryRunner } from "typeorm";

export class PlaceDemo1765000040000 implements MigrationInterface {
  name = "PlaceDemo1765000040000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE place ADD COLUMN demo boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE place ADD CONSTRAINT place_not_own_parent_check CHECK (parent_id IS NULL OR parent_id <> id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE place DROP CONSTRAINT place_not_own_parent_check`);
    await q.query(`ALTER TABLE place DROP COLUMN demo`);
  }
}
