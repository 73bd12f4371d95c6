// The scale generator's part: one community-led housing scheme per 200 organisations, made through the housing service
// (started, homes planned, moved to a stage, homes completed on site), so stage histories and completions are real.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { must, pick, seededRandom } from "../../demo/seeding";
import { addDays } from "../../kit/calendar";
import { organisationsApi } from "../organisations/organisations.api";
import { assetsApi } from "../assets/assets.api";
import { HomeTenure, HomesRoute, HousingSchemeStage as Stage } from "./housing.enums";
import { HousingService } from "./housing.service";

const ORGANISATIONS_PER_SCHEME = 200;
const STAGES = [Stage.SITE_IDENTIFIED, Stage.OPTION_AGREED, Stage.PLANNING, Stage.ON_SITE, Stage.COMPLETED, Stage.LET];
const STARTED_ON = "2020-01-06";
/** Generated schemes reach their stages from 2020 to 2025; the service is told it is the first day of 2026. */
const TODAY = () => "2026-01-01";

export async function generateScaleHousing(m: EntityManager, count: number, seed: number): Promise<number> {
  const rnd = seededRandom(seed + 4);
  const organisations = (await organisationsApi.listActive(m)).filter((o) => o.registeredPlaceId);
  if (organisations.length < 2) return 0;
  const wanted = Math.ceil(count / ORGANISATIONS_PER_SCHEME);
  const [{ existing }] = await m.query("SELECT count(*)::int AS existing FROM housing_scheme");
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "scale" };
  const housing = new HousingService(m, TODAY);
  const sites = await assetsApi.find(m, {});
  for (let n = 0; n < wanted; n++) {
    const lead = pick(rnd, organisations);
    let { scheme } = must(await housing.start(admin, {
      name: `Generated scheme ${seed}-${existing + n + 1}`, leadOrganisationId: lead.id, placeId: lead.registeredPlaceId, startedOn: STARTED_ON,
    }));
    const route = rnd() < 0.6 ? HomesRoute.EMPTY_HOMES : HomesRoute.NEW_BUILD;
    const planned = 2 + Math.floor(rnd() * 20);
    const tenure = pick(rnd, Object.values(HomeTenure));
    scheme = must(await housing.planHomes(admin, scheme.id, { expectedVersion: scheme.version, homes: [{ tenure, route, planned }] })).scheme;
    if (rnd() < 0.5) {
      const partner = pick(rnd, organisations.filter((o) => o.id !== lead.id));
      scheme = must(await housing.setPartnership(admin, scheme.id, { expectedVersion: scheme.version, partnerOrganisationId: partner.id, leaseTermYears: 125, groundRentPence: 50_000, buyBackOption: true, freeholdHeldByClt: true })).scheme;
    }
    // With a site from the register, a scheme goes as far as a random stage; without any, it stays forming.
    const reach = sites.length ? Math.floor(rnd() * (STAGES.length + 1)) : 0;
    if (reach) scheme = must(await housing.update(admin, scheme.id, { expectedVersion: scheme.version, siteAssetId: pick(rnd, sites).id })).scheme;
    let day = STARTED_ON;
    for (const stage of STAGES.slice(0, reach)) {
      day = addDays(day, 90 + Math.floor(rnd() * 120));
      if (stage === Stage.COMPLETED) {
        scheme = must(await housing.recordCompletions(admin, scheme.id, { expectedVersion: scheme.version, completedOn: day, homes: [{ tenure, route, homes: planned }] })).scheme;
      }
      scheme = must(await housing.move(admin, scheme.id, { expectedVersion: scheme.version, stage, on: day })).scheme;
    }
  }
  return wanted;
}
