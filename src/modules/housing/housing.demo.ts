// Demo data: the city region's community-led housing pipeline, told through the housing service with days counted back
// from today (UK): empty homes brought back and let, new build in planning, homes going up now, a group still forming;
// schemes with a housing association partner and schemes without.
import type { DemoContext } from "../../kith-module";
import type { Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { DEMO_USERS } from "../../demo/demo-accounts";
import { must } from "../../demo/seeding";
import { addDays, addMonths, londonDate } from "../../kit/calendar";
import { organisationsApi } from "../organisations/organisations.api";
import { Cause, LegalForm } from "../organisations/organisation.enums";
import { placesApi } from "../places/places.api";
import { assetsApi } from "../assets/assets.api";
import { HomeTenure, HomesRoute, HousingSchemeStage as Stage } from "./housing.enums";
import { HousingService, Partnership } from "./housing.service";
import type { HousingScheme } from "./scheme.entity";

/** Housing associations partnering the region's community land trusts, and a land trust formed for one scheme. */
export const DEMO_HOUSING_ASSOCIATIONS = ["Mersey Vale Housing Association", "Wirral Waterfront Homes"];
export const DEMO_NEW_LAND_TRUST = "Rock Ferry Community Land Trust";

const STAGES = [Stage.SITE_IDENTIFIED, Stage.OPTION_AGREED, Stage.PLANNING, Stage.ON_SITE, Stage.COMPLETED, Stage.LET];

type Line = { tenure: HomeTenure; route: HomesRoute; homes: number };

interface SchemeStory {
  name: string;
  description: string;
  lead: string;
  site?: string;
  placeCode?: string;
  startedOn: string;
  partner?: Omit<Partnership, "expectedVersion" | "partnerOrganisationId"> & { name: string };
  umbrellaCostsRecoupedPence?: number;
  homes?: Line[];
  /** The day each stage after GROUP_FORMING was reached, in order. */
  stages: string[];
  /** Homes completed while on site, by day. */
  completions?: { on: string; homes: Line[] }[];
}

export async function loadDemoHousing({ manager: m }: DemoContext): Promise<void> {
  const today = londonDate();
  const ago = (months: number, days = 0) => addDays(addMonths(today, -months), -days);
  const [{ id: adminId }] = await m.query("SELECT id FROM app_user WHERE email = $1", [DEMO_USERS.admin.email]);
  const admin: Actor = { viewer: { userId: adminId, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const places = await placesApi.idsByCode(m, ["E08000012", "E08000013", "E08000015"]);

  // The partners and the new land trust join the register through its own rules.
  const join = async (name: string, legalForm: LegalForm, placeCode: string, description: string) => must(await organisationsApi.register(m, admin, {
    name, legalForm, description, registeredPlaceId: places.get(placeCode)!, causes: [Cause.HOUSING], assetLockDeclared: legalForm === LegalForm.COMMUNITY_BENEFIT_SOCIETY,
  })).organisation;
  await join(DEMO_HOUSING_ASSOCIATIONS[0], LegalForm.COMMUNITY_BENEFIT_SOCIETY, "E08000012", "A housing association that takes long leases of community land trusts' homes and lets them.");
  await join(DEMO_HOUSING_ASSOCIATIONS[1], LegalForm.COMPANY_LIMITED_BY_GUARANTEE, "E08000015", "A Wirral housing association working with community-led schemes.");
  await join(DEMO_NEW_LAND_TRUST, LegalForm.COMMUNITY_BENEFIT_SOCIETY, "E08000015", "Residents bringing the empty flats over Bedford Road's shops back into use.");

  const organisations = await organisationsApi.listActive(m);
  const organisation = (test: (name: string) => boolean, what: string) => organisations.find((o) => test(o.name)) ?? fail(`no ${what}`);
  const kensington = organisation((n) => n.startsWith("Kensington") && n.includes("Community Land Trust"), "Kensington land trust").name;
  const earlestown = organisation((n) => n.startsWith("Earlestown") && n.includes("Community Land Trust"), "Earlestown land trust").name;
  const idOf = (name: string) => organisation((n) => n === name, name).id;
  const sites = await assetsApi.find(m, { placeIds: [...places.values()] });
  const siteOf = (name: string) => (sites.find((a) => a.name === name) ?? fail(`no site ${name}`)).id;
  const line = (tenure: HomeTenure, route: HomesRoute, homes: number): Line => ({ tenure, route, homes });
  const { AFFORDABLE_RENT, DISCOUNTED_SALE, SOCIAL_RENT, SHARED_OWNERSHIP } = HomeTenure;
  const { EMPTY_HOMES, NEW_BUILD } = HomesRoute;
  const leaseToPartner = (name: string, groundRentPence: number) => ({ name, leaseTermYears: 125, groundRentPence, buyBackOption: true, freeholdHeldByClt: true });
  const monthly = (from: string, count: number) => Array.from({ length: count }, (_, i) => addMonths(from, i * 2));

  const stories: SchemeStory[] = [
    {
      name: "Kensington Empty Homes", lead: kensington, site: "Kensington Empty Homes", startedOn: ago(48), stages: [...monthly(ago(46), 4), ago(24), ago(22)],
      description: "Six terraces empty for years, bought for £1 each, renovated and let or sold at prices local people can afford.",
      partner: leaseToPartner(DEMO_HOUSING_ASSOCIATIONS[0], 60_000), umbrellaCostsRecoupedPence: 1_200_000,
      homes: [line(AFFORDABLE_RENT, EMPTY_HOMES, 4), line(DISCOUNTED_SALE, EMPTY_HOMES, 2)],
      completions: [{ on: ago(30), homes: [line(AFFORDABLE_RENT, EMPTY_HOMES, 2), line(DISCOUNTED_SALE, EMPTY_HOMES, 1)] },
        { on: ago(25), homes: [line(AFFORDABLE_RENT, EMPTY_HOMES, 2), line(DISCOUNTED_SALE, EMPTY_HOMES, 1)] }],
    },
    {
      name: "Earlestown Terraces", lead: earlestown, site: "Earlestown Terraces", startedOn: ago(36), stages: [...monthly(ago(34), 4), ago(9)],
      description: "Four empty terraces brought back one by one by volunteers and local tradespeople, without a partner.",
      umbrellaCostsRecoupedPence: 400_000, homes: [line(SOCIAL_RENT, EMPTY_HOMES, 2), line(SHARED_OWNERSHIP, EMPTY_HOMES, 2)],
      completions: [{ on: ago(16), homes: [line(SOCIAL_RENT, EMPTY_HOMES, 2)] }, { on: ago(9), homes: [line(SHARED_OWNERSHIP, EMPTY_HOMES, 2)] }],
    },
    {
      name: "Granby Green", lead: kensington, site: "Granby Vacant Land", startedOn: ago(20), stages: monthly(ago(16), 3),
      description: "Twelve new homes on vacant council land released under the community-led housing policy.",
      partner: leaseToPartner(DEMO_HOUSING_ASSOCIATIONS[0], 120_000),
      homes: [line(SOCIAL_RENT, NEW_BUILD, 8), line(SHARED_OWNERSHIP, NEW_BUILD, 4)],
    },
    {
      name: "Bedford Road Homes over Shops", lead: DEMO_NEW_LAND_TRUST, site: "Rock Ferry Empty Homes", startedOn: ago(26), stages: monthly(ago(22), 4),
      description: "Eight empty flats over the shops on Bedford Road, brought back with a housing association's long lease.",
      partner: leaseToPartner(DEMO_HOUSING_ASSOCIATIONS[1], 80_000), umbrellaCostsRecoupedPence: 900_000,
      homes: [line(AFFORDABLE_RENT, EMPTY_HOMES, 8)],
      completions: [{ on: ago(1), homes: [line(AFFORDABLE_RENT, EMPTY_HOMES, 3)] }],
    },
    {
      name: "Newton Road Community Homes", lead: earlestown, placeCode: "E08000013", startedOn: ago(3), stages: [],
      description: "Neighbours meeting to find land for a few homes their children can afford.",
    },
  ];

  const housing = new HousingService(m, () => today);
  for (const s of stories) {
    let { scheme } = must(await housing.start(admin, {
      name: s.name, description: s.description, leadOrganisationId: idOf(s.lead), startedOn: s.startedOn,
      siteAssetId: s.site ? siteOf(s.site) : null, placeId: s.placeCode ? places.get(s.placeCode)! : null,
    }));
    const step = async (r: Promise<{ scheme: HousingScheme } | { errors: unknown[] }>) => { scheme = must(await r).scheme; };
    if (s.partner) {
      const { name, ...terms } = s.partner;
      await step(housing.setPartnership(admin, scheme.id, { expectedVersion: scheme.version, partnerOrganisationId: idOf(name), ...terms }));
    }
    if (s.umbrellaCostsRecoupedPence) await step(housing.update(admin, scheme.id, { expectedVersion: scheme.version, umbrellaCostsRecoupedPence: s.umbrellaCostsRecoupedPence }));
    if (s.homes) await step(housing.planHomes(admin, scheme.id, { expectedVersion: scheme.version, homes: s.homes.map(({ tenure, route, homes }) => ({ tenure, route, planned: homes })) }));
    const completions = [...(s.completions ?? [])];
    for (const [i, on] of s.stages.entries()) {
      // Homes completed on site come before the scheme's completion.
      while (STAGES[i] === Stage.COMPLETED && completions.length) {
        const done = completions.shift()!;
        await step(housing.recordCompletions(admin, scheme.id, { expectedVersion: scheme.version, completedOn: done.on, homes: done.homes }));
      }
      await step(housing.move(admin, scheme.id, { expectedVersion: scheme.version, stage: STAGES[i], on }));
    }
    for (const done of completions) await step(housing.recordCompletions(admin, scheme.id, { expectedVersion: scheme.version, completedOn: done.on, homes: done.homes }));
  }
}

function fail(message: string): never {
  throw new Error(`demo housing: ${message}`);
}
