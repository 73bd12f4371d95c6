// Demo data: about 60 fictional organisations over the six boroughs, every legal form, members and contacts.
import type { EntityManager } from "typeorm";
import type { DemoContext } from "../../kith-module";
import { DEMO_USERS } from "../../demo/demo-accounts";
import { LegalForm, SurplusDestination } from "./organisation.enums";
import { seededRandom } from "../../demo/seeding";
import { fitRecord, GeneratedOrganisation, generateOrganisation, insertGenerated } from "./organisations.generator";
import { placesApi } from "../places/places.api";

export const DEMO_ORGANISATION_COUNT = 60;
const DEMO_SEED = 20261123;
/** The owner's organisation: a Liverpool bakery, so the directory example ("bakery" in Liverpool) finds it. */
export const DEMO_OWNER_ORGANISATION = "Toxteth Community Bakery CIC";
export const DEMO_VIEWER_ORGANISATION = "Bootle Repair Café Co-operative";

const FIRST = ["Aisha", "Ben", "Chloe", "Dev", "Erin", "Femi", "Grace", "Hamza", "Isla", "Jack", "Kemi", "Liam", "Maya", "Niamh", "Omar", "Priya"];
const LAST = ["Okafor", "Roberts", "Byrne", "Hughes", "Patel", "Murphy", "Chen", "Jones", "Kelly", "Ahmed", "Walsh", "Evans"];
const ROLES = ["Chair", "Manager", "Finance lead", "Company secretary", "Volunteer coordinator"];

export async function loadDemoOrganisations({ manager: m }: DemoContext): Promise<void> {
  const rnd = seededRandom(DEMO_SEED);
  // Numbering (and so identifiers) continues after any generated organisations already there.
  const [{ existing }] = await m.query("SELECT count(*)::int AS existing FROM organisation");
  const orgs = Array.from({ length: DEMO_ORGANISATION_COUNT }, (_, n) => generateOrganisation(existing + n, rnd));
  // Two named organisations for the demo sign-ins (their names are in the README).
  orgs[0] = { ...generateOrganisation(existing, rnd, { boroughCode: "E08000012", activity: 0, legalForm: LegalForm.CIC_LIMITED_BY_GUARANTEE }), name: DEMO_OWNER_ORGANISATION };
  orgs[0].description = `${DEMO_OWNER_ORGANISATION} bakes sourdough in Toxteth and trains local people as bakers.`;
  orgs[0].assessment = { tradesForSocialPurpose: true, communityLed: true, keepsSurplusInRegion: true, notGrantOnlyCharity: true, doesNotExportProfit: true,
    reasons: "Sells bread to local shops and cafés; half the board live in Toxteth; surplus funds the training programme." };
  orgs[0].communityBoardMembers = Math.ceil(orgs[0].boardSize / 2);
  fitRecord(orgs[0], existing);
  orgs[1] = { ...generateOrganisation(existing + 1, rnd, { boroughCode: "E08000014", activity: 4, legalForm: LegalForm.CO_OPERATIVE_SOCIETY }), name: DEMO_VIEWER_ORGANISATION };
  orgs[1].description = `${DEMO_VIEWER_ORGANISATION} fixes household goods in Bootle and teaches repair skills.`;

  borderlineCases(orgs);

  const [panel] = await m.query("SELECT id FROM app_user WHERE email = $1", [DEMO_USERS.panel.email]);
  const ids = await insertGenerated(m, orgs, panel?.id ?? null);
  await registerSomeInDemoWards(m, orgs.map((o, i) => ({ id: ids[i], boroughCode: o.boroughCode })));

  const users: { id: string; email: string }[] = await m.query(
    "SELECT id, email FROM app_user WHERE email = ANY($1)", [[DEMO_USERS.owner.email, DEMO_USERS.viewer.email]],
  );
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  await m.query(
    `INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER'), ($3, $4, 'VIEWER')`,
    [userId(DEMO_USERS.owner.email), ids[0], userId(DEMO_USERS.viewer.email), ids[1]],
  );
  const contacts = ids.flatMap((orgId, i) => Array.from({ length: 1 + (i % 2) }, (_, k) => {
    const first = FIRST[(i * 3 + k) % FIRST.length];
    const last = LAST[(i * 5 + k * 7) % LAST.length];
    return [orgId, `${first} ${last}`, ROLES[(i + k) % ROLES.length], `${first}.${last}@example.org`.toLowerCase(),
      `0151 ${String(4000000 + i * 97 + k).slice(0, 3)} ${String(1000 + i * 13 + k).slice(0, 4)}`];
  }));
  await m.query(
    `INSERT INTO organisation_contact (organisation_id, name, role, email, phone)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [0, 1, 2, 3, 4].map((c) => contacts.map((row) => row[c])),
  );
}

/**
 * Two eligible organisations the register does not bear out, kept as the panel decided them: each assessment carries
 * the override reason an assessor would have to give today (shown in the organisation's assessment history).
 */
function borderlineCases(orgs: GeneratedOrganisation[]): void {
  const eligible = (o: GeneratedOrganisation) => o.assessment && Object.entries(o.assessment).every(([k, v]) => k === "reasons" || k === "overrideReason" || v === true);
  const familyFirm = orgs.find((o, i) => i > 1 && eligible(o) && o.legalForm === LegalForm.COMPANY_LIMITED_BY_SHARES);
  if (familyFirm) {
    familyFirm.assetLockDeclared = false;
    familyFirm.surplusDestination = SurplusDestination.PLACES_SERVED;
    familyFirm.assessment!.overrideReason = "A local family firm without an asset lock: owned and run by residents of the places it serves, "
      + "it pays no dividends outside them and has committed its surplus to the neighbourhood in a signed community pledge.";
  }
  const dip = orgs.find((o, i) => i > 1 && o !== familyFirm && eligible(o) && o.legalForm === LegalForm.COMMUNITY_BENEFIT_SOCIETY);
  if (dip) {
    dip.tradingIncomePercent = 27;
    dip.assessment!.overrideReason = "Trading share dipped below the minimum in one year because of a one-off grant for a new kitchen; "
      + "its trading share over the last three years is well above it.";
  }
}

/**
 * Two organisations of each demo ward or neighbourhood's borough move into it (never the two named ones, whose
 * places the README gives), so filtering by the borough or the region still finds them, as the import promises.
 */
async function registerSomeInDemoWards(m: EntityManager, orgs: { id: string; boroughCode: string }[]): Promise<void> {
  const moved = new Set<string>();
  for (const place of await placesApi.demoPlaces(m)) {
    const picks = orgs.slice(2).filter((o) => o.boroughCode === place.localAuthorityCode && !moved.has(o.id)).slice(0, 2).map((o) => o.id);
    picks.forEach((id) => moved.add(id));
    await m.query("UPDATE organisation SET registered_place_id = $1 WHERE id = ANY($2)", [place.id, picks]);
  }
}
