// The measures STOs in the network report, with illustrative £ proxy values for the demo data set and the scale
// generator. Every proxy here is marked demo: a real deployment records its own values and sources (addProxyValue).
import type { EntityManager } from "typeorm";
import { ImpactAggregation as A, ImpactTheme as T, ImpactUnit as U } from "./impact.enums";

export interface CatalogueEntry {
  code: string;
  name: string;
  definition: string;
  unit: U;
  theme: T;
  aggregation: A;
  /** Demo proxy values per unit, in pence, by the day each takes effect (the second is a later revaluation). */
  proxies: [validFrom: string, pence: number][];
}

const DEMO_SOURCE = "Demo value for illustration only (not a published proxy)";

export const DEMO_CATALOGUE: CatalogueEntry[] = [
  { code: "PEOPLE_SUPPORTED", name: "People supported", definition: "Local people given direct help (advice, food, care, a service) in the period, each counted once.", unit: U.PEOPLE, theme: T.HEALTHIER_COMMUNITIES, aggregation: A.SUM, proxies: [["2020-01-01", 12_000], ["2024-04-01", 13_000]] },
  { code: "VOLUNTEERS", name: "Volunteers active", definition: "People who volunteered at least once in the period.", unit: U.PEOPLE, theme: T.HEALTHIER_COMMUNITIES, aggregation: A.LATEST, proxies: [["2020-01-01", 0]] },
  { code: "VOLUNTEER_HOURS", name: "Volunteer hours", definition: "Hours given by volunteers, from the organisation's rota or timesheets.", unit: U.HOURS, theme: T.HEALTHIER_COMMUNITIES, aggregation: A.SUM, proxies: [["2020-01-01", 1_447], ["2024-04-01", 1_520]] },
  { code: "LOCAL_JOBS_CREATED", name: "Local jobs created", definition: "New jobs filled by people living in the region, in full-time equivalents.", unit: U.FTE, theme: T.JOBS_AND_SKILLS, aggregation: A.SUM, proxies: [["2020-01-01", 3_300_000], ["2024-04-01", 3_450_000]] },
  { code: "LOCAL_JOBS_SAFEGUARDED", name: "Local jobs safeguarded", definition: "Existing local jobs kept that would otherwise have gone, in full-time equivalents.", unit: U.FTE, theme: T.JOBS_AND_SKILLS, aggregation: A.SUM, proxies: [["2020-01-01", 1_650_000]] },
  { code: "APPRENTICESHIPS", name: "Apprenticeships started", definition: "Apprenticeships (level 2 to 7) started with the organisation.", unit: U.COUNT, theme: T.JOBS_AND_SKILLS, aggregation: A.SUM, proxies: [["2020-01-01", 250_000]] },
  { code: "TRAINING_WEEKS", name: "Training weeks", definition: "Weeks of accredited training or work placements given to local people.", unit: U.COUNT, theme: T.JOBS_AND_SKILLS, aggregation: A.SUM, proxies: [["2020-01-01", 40_000]] },
  { code: "LONG_TERM_UNEMPLOYED_HIRED", name: "Long-term unemployed people hired", definition: "People out of work for a year or more taken on for at least six months.", unit: U.PEOPLE, theme: T.JOBS_AND_SKILLS, aggregation: A.SUM, proxies: [["2020-01-01", 2_000_000]] },
  { code: "YOUNG_PEOPLE_SKILLS", name: "Young people given skills support", definition: "People aged 16 to 24 given mentoring, careers help or work experience.", unit: U.PEOPLE, theme: T.JOBS_AND_SKILLS, aggregation: A.SUM, proxies: [["2020-01-01", 60_000]] },
  { code: "LOCAL_SPEND", name: "Spend with local suppliers", definition: "Money spent with suppliers based in the region, in pounds.", unit: U.POUNDS, theme: T.LOCAL_GROWTH, aggregation: A.SUM, proxies: [["2020-01-01", 60]] },
  { code: "SOCIAL_ENTERPRISE_SPEND", name: "Spend with social enterprises", definition: "Money spent with other STOs and social enterprises, in pounds.", unit: U.POUNDS, theme: T.LOCAL_GROWTH, aggregation: A.SUM, proxies: [["2020-01-01", 75]] },
  { code: "LOCAL_WAGES", name: "Wages paid to local people", definition: "Gross pay to employees living in the region, in pounds.", unit: U.POUNDS, theme: T.LOCAL_GROWTH, aggregation: A.SUM, proxies: [["2020-01-01", 20]] },
  { code: "HOMES_BROUGHT_BACK", name: "Homes brought back into use", definition: "Empty homes refurbished and let or sold.", unit: U.COUNT, theme: T.LOCAL_GROWTH, aggregation: A.SUM, proxies: [["2020-01-01", 1_500_000]] },
  { code: "SPACE_OPENED", name: "Community spaces opened", definition: "Buildings or rooms opened for community use in the period.", unit: U.COUNT, theme: T.LOCAL_GROWTH, aggregation: A.SUM, proxies: [["2020-01-01", 500_000]] },
  { code: "BUSINESSES_SUPPORTED", name: "Local businesses supported", definition: "Small local businesses or STOs given advice, space or equipment.", unit: U.COUNT, theme: T.LOCAL_GROWTH, aggregation: A.SUM, proxies: [["2020-01-01", 150_000]] },
  { code: "WELLBEING_SESSIONS", name: "Wellbeing session places", definition: "Places taken at health, exercise or mental wellbeing sessions.", unit: U.COUNT, theme: T.HEALTHIER_COMMUNITIES, aggregation: A.SUM, proxies: [["2020-01-01", 2_500]] },
  { code: "MEALS_PROVIDED", name: "Meals provided", definition: "Hot or cold meals given or sold below cost to people who need them.", unit: U.COUNT, theme: T.HEALTHIER_COMMUNITIES, aggregation: A.SUM, proxies: [["2020-01-01", 450], ["2024-04-01", 500]] },
  { code: "ISOLATED_PEOPLE_REACHED", name: "Isolated people reached", definition: "People living alone or isolated who took part in activities.", unit: U.PEOPLE, theme: T.HEALTHIER_COMMUNITIES, aggregation: A.SUM, proxies: [["2020-01-01", 30_000]] },
  { code: "CARBON_SAVED", name: "Carbon emissions saved", definition: "Change in emissions against the organisation's baseline (negative when they rose).", unit: U.TONNES_CO2E, theme: T.ENVIRONMENT, aggregation: A.SUM, proxies: [["2020-01-01", 7_000], ["2024-04-01", 24_800]] },
  { code: "LANDFILL_DIVERTED", name: "Tonnes diverted from landfill", definition: "Waste repaired, reused or recycled instead of sent to landfill.", unit: U.TONNES, theme: T.ENVIRONMENT, aggregation: A.SUM, proxies: [["2020-01-01", 10_200]] },
  { code: "ITEMS_REPAIRED", name: "Items repaired", definition: "Household goods, bikes or clothes repaired and returned to use.", unit: U.COUNT, theme: T.ENVIRONMENT, aggregation: A.SUM, proxies: [["2020-01-01", 2_000]] },
  { code: "TREES_PLANTED", name: "Trees planted", definition: "Trees planted and surviving their first year.", unit: U.COUNT, theme: T.ENVIRONMENT, aggregation: A.SUM, proxies: [["2020-01-01", 3_000]] },
  { code: "GREEN_SPACE_HOURS", name: "Green space volunteering hours", definition: "Hours spent improving parks, gardens and growing spaces.", unit: U.HOURS, theme: T.ENVIRONMENT, aggregation: A.SUM, proxies: [["2020-01-01", 1_200]] },
  { code: "COMMUNITY_MEMBERS", name: "Community members", definition: "Members or shareholders living locally, at the period's end.", unit: U.PEOPLE, theme: T.SOCIAL_INNOVATION, aggregation: A.LATEST, proxies: [["2020-01-01", 0]] },
  { code: "PEER_SUPPORT_HOURS", name: "Peer support given", definition: "Hours of help given to other STOs (skills, mentoring, interim help).", unit: U.HOURS, theme: T.SOCIAL_INNOVATION, aggregation: A.SUM, proxies: [["2020-01-01", 4_500]] },
  { code: "NEW_SERVICES_CODESIGNED", name: "Services co-designed with residents", definition: "New services designed with the people who use them.", unit: U.COUNT, theme: T.SOCIAL_INNOVATION, aggregation: A.SUM, proxies: [["2020-01-01", 1_000_000]] },
  { code: "SATISFACTION_SCORE", name: "Users' satisfaction", definition: "Share of users rating the service good or very good, as a whole number percentage.", unit: U.COUNT, theme: T.SOCIAL_INNOVATION, aggregation: A.AVERAGE, proxies: [] },
];

/** Adds the catalogue's measures and demo proxy values that are not there yet (by code); safe to run again. */
export async function seedDemoCatalogue(m: EntityManager): Promise<Map<string, string>> {
  const rows = DEMO_CATALOGUE.map((e) => [e.code, e.name, e.definition, e.unit, e.theme, e.aggregation]);
  await m.query(
    `INSERT INTO impact_metric (code, name, definition, unit, theme, aggregation)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) ON CONFLICT (code) DO NOTHING`,
    [0, 1, 2, 3, 4, 5].map((c) => rows.map((r) => r[c])),
  );
  const ids: { id: string; code: string }[] = await m.query("SELECT id, code FROM impact_metric");
  const idOf = new Map(ids.map((r) => [r.code, r.id]));
  const proxies = DEMO_CATALOGUE.flatMap((e) => e.proxies.map(([from, pence], i) => [idOf.get(e.code)!, i + 1, pence, from]));
  await m.query(
    `INSERT INTO impact_proxy_value (metric_id, version, value_per_unit_pence, valid_from, source, demo)
     SELECT metric_id, version, pence, valid_from, $5, true
       FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::date[]) AS p(metric_id, version, pence, valid_from)
      WHERE NOT EXISTS (SELECT 1 FROM impact_proxy_value x WHERE x.metric_id = p.metric_id)`,
    [0, 1, 2, 3].map((c) => proxies.map((r) => r[c])).concat([DEMO_SOURCE]),
  );
  return idOf;
}
