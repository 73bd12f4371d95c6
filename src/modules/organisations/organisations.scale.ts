// The scale generator's part: N more organisations, reproducible from a seed, inserted in bulk.
import type { EntityManager } from "typeorm";
import { seededRandom } from "../../demo/seeding";
import { generateOrganisation, insertGenerated } from "./organisations.generator";

export async function generateScaleOrganisations(m: EntityManager, count: number, seed: number): Promise<number> {
  const [{ n }] = await m.query("SELECT count(*)::int AS n FROM organisation");
  const rnd = seededRandom(seed);
  // Numbering continues after the existing register so identifiers stay unique.
  const orgs = Array.from({ length: count }, (_, i) => generateOrganisation(n + i, rnd));
  await insertGenerated(m, orgs, null);
  return count;
}
