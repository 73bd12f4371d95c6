// The scale generator's share of community decisions: one advisory budget per 500 organisations, declared through the
// services, every result recounting to its stored votes; a second run adds more.
import { createTestDatabase, TestDatabase } from "../support/test-db";
import { generateScaleOrganisations } from "../../src/modules/organisations/organisations.scale";
import { generateScaleDecisions } from "../../src/modules/decisions/decisions.scale";
import { recountMatches } from "../../src/modules/decisions/recount";

let tdb: TestDatabase;
beforeAll(async () => { tdb = await createTestDatabase(); });
afterAll(async () => { await tdb.drop(); });

test("one declared budget per 500 organisations, each recounting to its result", async () => {
  const made = await tdb.db.transaction(async (m) => {
    await generateScaleOrganisations(m, 1000, 3);
    return generateScaleDecisions(m, 1000, 3);
  });
  expect(made).toBe(2);
  const ids: string[] = (await tdb.db.query("SELECT id FROM decision_process WHERE status = 'DECLARED'")).map((r: { id: string }) => r.id);
  expect(ids).toHaveLength(2);
  expect([...(await recountMatches(tdb.db, ids)).values()]).toEqual([true, true]);
  expect(await tdb.db.transaction((m) => generateScaleDecisions(m, 400, 4))).toBe(1);
  const [{ n }] = await tdb.db.query("SELECT count(DISTINCT title)::int AS n FROM decision_process");
  expect(n).toBe(3);
});
