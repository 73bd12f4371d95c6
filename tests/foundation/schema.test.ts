// schema.graphql is printed from code, and the entities agree with the migrations.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allModules } from "../../src/app";
import { buildKithSchema, printKithSchema } from "../../src/graphql/schema";
import { createTestDatabase, TestDatabase } from "../support/test-db";

test("schema.graphql matches the schema built from code (run `npm run schema` after changing the API)", async () => {
  const printed = printKithSchema(await buildKithSchema(allModules));
  const checkedIn = readFileSync(join(__dirname, "../../schema.graphql"), "utf8");
  expect(checkedIn).toBe(printed);
});

describe("migrations", () => {
  let tdb: TestDatabase;
  beforeAll(async () => { tdb = await createTestDatabase(); });
  afterAll(async () => { await tdb.drop(); });

  // Foreign keys and CHECKs are the database's own guarantees, written in migrations only (some cross module
  // boundaries an entity may not import); entities must mirror every table, column and index.
  const DATABASE_ONLY_CONSTRAINT = /^ALTER TABLE "\w+" DROP CONSTRAINT "\w+_(fkey|check)"$/;

  test("leave nothing for TypeORM to change: entities and migrations agree", async () => {
    const pending = await tdb.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).filter((q) => !DATABASE_ONLY_CONSTRAINT.test(q))).toEqual([]);
  });

  test("are all applied", async () => {
    expect(await tdb.db.showMigrations()).toBe(false);
  });
});
