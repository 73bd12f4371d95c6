// The scale generator's share of assets and housing: made through the services in proportion to organisations, so the
// cases have stage histories, the listings their clocks and the schemes their completions; a second run adds more.
import { createTestDatabase, TestDatabase } from "../support/test-db";
import { generateScaleOrganisations } from "../../src/modules/organisations/organisations.scale";
import { generateScaleAssets } from "../../src/modules/assets/assets.scale";
import { generateScaleHousing } from "../../src/modules/housing/housing.scale";

let tdb: TestDatabase;
beforeAll(async () => { tdb = await createTestDatabase(); });
afterAll(async () => { await tdb.drop(); });

const count = async (sql: string) => (await tdb.db.query(sql))[0].n as number;

test("one asset per 20 organisations and one scheme per 200, with cases, listings and completions written by the services", async () => {
  const made = await tdb.db.transaction(async (m) => {
    await generateScaleOrganisations(m, 400, 5);
    return [await generateScaleAssets(m, 400, 5), await generateScaleHousing(m, 400, 5)];
  });
  expect(made).toEqual([20, 2]);
  expect(await count("SELECT count(*)::int AS n FROM asset")).toBe(20);
  expect(await count("SELECT count(*)::int AS n FROM asset_transfer")).toBe(5);
  expect(await count("SELECT count(*)::int AS n FROM asset_transfer t WHERE (SELECT count(*) FROM asset_transfer_stage s WHERE s.transfer_id = t.id) < 1")).toBe(0);
  expect(await count("SELECT count(*)::int AS n FROM acv_listing WHERE status = 'LISTED' AND expires_on = '2029-03-31'")).toBe(2);
  expect(await count("SELECT count(*)::int AS n FROM housing_scheme_stage")).toBeGreaterThanOrEqual(2);
  // Every completed scheme's homes are all complete: the service's rule, so the generator could not skip it.
  expect(await count(`SELECT count(*)::int AS n FROM housing_scheme s JOIN housing_scheme_homes h ON h.scheme_id = s.id
    WHERE s.stage IN ('COMPLETED', 'LET') AND h.completed <> h.planned`)).toBe(0);
  expect(await tdb.db.transaction((m) => generateScaleAssets(m, 100, 6))).toBe(5);
  expect(await count("SELECT count(DISTINCT name)::int AS n FROM asset")).toBe(25);
});
