// Demo data: community assets in every borough of the city region, told through the assets services with days counted
// back from today (UK), so the story stays current: transfers at every stage, assets in community hands and revalued,
// housing sites held by community land trusts, and Assets of Community Value with moratoria running now.
import type { EntityManager } from "typeorm";
import type { DemoContext } from "../../kith-module";
import type { Actor } from "../../auth/viewer";
import { OrganisationRole, Role } from "../../auth/roles";
import { DEMO_USERS } from "../../demo/demo-accounts";
import { must } from "../../demo/seeding";
import { addDays, addMonths, londonDate } from "../../kit/calendar";
import { organisationsApi } from "../organisations/organisations.api";
import type { Organisation } from "../organisations/organisation.entity";
import { DEMO_OWNER_ORGANISATION, DEMO_VIEWER_ORGANISATION } from "../organisations/organisations.demo";
import { StoStatus } from "../organisations/organisation.enums";
import { placesApi } from "../places/places.api";
import { AcvExemption, AssetKind, Tenure, TransferStage, ValuationBasis } from "./assets.enums";
import { RegisterService } from "./register/register.service";
import { TransfersService, TransferTerms } from "./transfers/transfers.service";
import { AcvService } from "./acv/acv.service";
import { communityBodyProblem } from "./acv/community-body";
import type { Asset } from "./register/asset.entity";

/** The bakery's building: the owner's organisation holds it on a lease, revalued since (the profile shows it). */
export const DEMO_BAKERY_ASSET = "Former Granby Street Library";

const BOROUGHS = {
  halton: { code: "E06000006", council: "Halton Borough Council" },
  knowsley: { code: "E08000011", council: "Knowsley Council" },
  liverpool: { code: "E08000012", council: "Liverpool City Council" },
  stHelens: { code: "E08000013", council: "St Helens Borough Council" },
  sefton: { code: "E08000014", council: "Sefton Council" },
  wirral: { code: "E08000015", council: "Wirral Council" },
} as const;
type Borough = keyof typeof BOROUGHS;

const DV = "District Valuer Services";
const SURVEYORS = "Mersey Chartered Surveyors";
const STAGE_PATH = [TransferStage.BUSINESS_CASE, TransferStage.DUE_DILIGENCE, TransferStage.HEADS_OF_TERMS, TransferStage.COMPLETED, TransferStage.HANDED_OVER];

interface TransferStory {
  asset: string;
  to: string;
  /** Days of each stage reached after INTEREST, oldest first; WITHDRAWN as the last stage withdraws the case. */
  stages: { stage: TransferStage; on: string }[];
  startedOn: string;
  terms?: TransferTerms;
  as?: Actor;
}

export async function loadDemoAssets({ manager: m }: DemoContext): Promise<void> {
  const today = londonDate();
  const ago = (months: number, days = 0) => addDays(addMonths(today, -months), -days);
  const users: { id: string; email: string }[] = await m.query("SELECT id, email FROM app_user WHERE email = ANY($1)", [[DEMO_USERS.admin.email, DEMO_USERS.owner.email]]);
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const organisations = await organisationsApi.listActive(m);
  const named = (name: string) => organisations.find((o) => o.name === name) ?? fail(`no organisation named ${name}`);
  const bakery = named(DEMO_OWNER_ORGANISATION);
  const repairCafe = named(DEMO_VIEWER_ORGANISATION);
  const admin: Actor = { viewer: { userId: userId(DEMO_USERS.admin.email), apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const owner: Actor = {
    viewer: { userId: userId(DEMO_USERS.owner.email), apiKeyId: null, roles: new Set(), memberships: new Map([[bakery.id, OrganisationRole.OWNER]]), scopes: null },
    requestId: "demo",
  };

  // Community bodies by borough (eligible STOs of a form that may nominate and bid), and the region's land trusts.
  const placeIds = await placesApi.idsByCode(m, Object.values(BOROUGHS).map((b) => b.code));
  const placeOf = (b: Borough) => placeIds.get(BOROUGHS[b].code)!;
  const bodiesIn = async (b: Borough) => (await organisationsApi.listActive(m, { placeIds: [placeOf(b)] }))
    .filter((o) => o.stoStatus === StoStatus.ELIGIBLE && !communityBodyProblem(o) && o.id !== bakery.id);
  const body = {} as Record<Borough, Organisation[]>;
  for (const b of Object.keys(BOROUGHS) as Borough[]) {
    body[b] = await bodiesIn(b);
    if (body[b].length < 3) fail(`too few community bodies in ${b}`);
  }
  const landTrusts = organisations.filter((o) => o.name.includes("Community Land Trust"));
  if (landTrusts.length < 2) fail("the register has fewer than two community land trusts");

  const register = new RegisterService(m, () => today);
  const assets = new Map<string, Asset>();
  const add = async (b: Borough, name: string, kind: AssetKind, details: { postcode: string; address: string; uprn?: string; titleNumber?: string; floorAreaSqm?: number; conditionNotes?: string }) => {
    const { asset } = must(await register.register(admin, { name, kind, placeId: placeOf(b), publicBodyOwner: BOROUGHS[b].council, ...details }));
    assets.set(name, asset);
  };
  await add("liverpool", DEMO_BAKERY_ASSET, AssetKind.BUILDING, { postcode: "L8 2TY", address: "Granby Street, Toxteth", uprn: "38010000001", titleNumber: "MS201456", floorAreaSqm: 420, conditionNotes: "Victorian library, roof repaired in 2023; ground floor fitted as a bakery and café." });
  await add("liverpool", "Anfield Community Centre", AssetKind.BUILDING, { postcode: "L4 0TH", address: "Breck Road, Anfield", uprn: "38010000002", floorAreaSqm: 610 });
  await add("liverpool", "Everton Park Lodge", AssetKind.BUILDING, { postcode: "L5 3PW", address: "Everton Park", floorAreaSqm: 140, conditionNotes: "Empty since 2019; needs rewiring." });
  await add("liverpool", "Kensington Empty Homes", AssetKind.HOUSING, { postcode: "L7 6HE", address: "Six terraced houses off Kensington", titleNumber: "MS330912", conditionNotes: "Six two-bedroom terraces, empty for over five years." });
  await add("liverpool", "Granby Vacant Land", AssetKind.LAND, { postcode: "L8 2UA", address: "Corner of Granby Street and Cairns Street", titleNumber: "MS330999" });
  await add("knowsley", "Kirkby Old Baths", AssetKind.BUILDING, { postcode: "L32 8RR", address: "Cherryfield Drive, Kirkby", floorAreaSqm: 1800 });
  await add("knowsley", "Huyton Village Hall", AssetKind.BUILDING, { postcode: "L36 9UZ", address: "Derby Road, Huyton", floorAreaSqm: 380 });
  await add("halton", "Runcorn Old Town Hall Annexe", AssetKind.BUILDING, { postcode: "WA7 1AB", address: "Heath Road, Runcorn", floorAreaSqm: 520 });
  await add("halton", "Widnes Allotments", AssetKind.LAND, { postcode: "WA8 7QX", address: "Lugsdale Road, Widnes", titleNumber: "CH401122" });
  await add("stHelens", "Parr Community Centre", AssetKind.BUILDING, { postcode: "WA9 1PN", address: "Ashtons Green Drive, Parr", floorAreaSqm: 450 });
  await add("stHelens", "Earlestown Market Hall", AssetKind.BUILDING, { postcode: "WA12 9AB", address: "Market Street, Earlestown", floorAreaSqm: 900 });
  await add("stHelens", "Earlestown Terraces", AssetKind.HOUSING, { postcode: "WA12 9DN", address: "Four houses on Bank Street, Earlestown", conditionNotes: "Four empty terraces bought back into use one by one." });
  await add("sefton", "Bootle Library", AssetKind.BUILDING, { postcode: "L20 3NA", address: "Stanley Road, Bootle", floorAreaSqm: 700 });
  await add("sefton", "Southport Pier Pavilion", AssetKind.BUILDING, { postcode: "PR8 1QX", address: "The Promenade, Southport" });
  await add("sefton", "Crosby Lakeside Land", AssetKind.LAND, { postcode: "L23 6SX", address: "Cambridge Road, Crosby" });
  await add("wirral", "Birkenhead Market Hall", AssetKind.BUILDING, { postcode: "CH41 2YH", address: "Claughton Road, Birkenhead", titleNumber: "CH205300", floorAreaSqm: 2400 });
  await add("wirral", "Rock Ferry Empty Homes", AssetKind.HOUSING, { postcode: "CH42 4NL", address: "Eight flats over shops, Bedford Road, Rock Ferry" });

  // Values before the transfers, and since (the uplift that stays with the community).
  const value = async (asset: string, on: string, pence: number, valuer = DV, basis = ValuationBasis.MARKET_VALUE) =>
    must(await register.recordValuation(admin, assets.get(asset)!.id, { valuedOn: on, basis, amountPence: pence, valuer }));
  await value(DEMO_BAKERY_ASSET, ago(34), 18_000_000);
  await value("Birkenhead Market Hall", ago(62), 65_000_000);
  await value("Runcorn Old Town Hall Annexe", ago(2), 21_000_000, SURVEYORS);
  await value("Kirkby Old Baths", ago(5), 12_500_000, DV, ValuationBasis.EXISTING_USE_VALUE);

  const lease = (years: number, marketValuePence: number, considerationPence: number, userClause: string): TransferTerms =>
    ({ tenure: Tenure.LEASE, leaseTermYears: years, marketValuePence, considerationPence, assetLock: true, userClause });
  const freehold = (marketValuePence: number, considerationPence: number, userClause: string): TransferTerms =>
    ({ tenure: Tenure.FREEHOLD, marketValuePence, considerationPence, assetLock: true, overage: true, userClause });
  const days = (first: string, stages: TransferStage[], stepMonths: number) => stages.map((stage, i) => ({ stage, on: addMonths(first, i * stepMonths) }));
  const path = (to: TransferStage) => STAGE_PATH.slice(0, STAGE_PATH.indexOf(to) + 1);
  const [kensington, earlestown] = [landTrusts.find((o) => o.name.startsWith("Kensington")) ?? landTrusts[0], landTrusts.find((o) => o.name.startsWith("Earlestown")) ?? landTrusts[1]];

  const stories: TransferStory[] = [
    { asset: DEMO_BAKERY_ASSET, to: bakery.id, as: owner, startedOn: ago(40), stages: days(ago(36), path(TransferStage.HANDED_OVER), 3),
      terms: lease(25, 18_000_000, 100, "A community bakery, training kitchen and café open to all.") },
    { asset: "Birkenhead Market Hall", to: body.wirral[0].id, startedOn: ago(66), stages: days(ago(63), path(TransferStage.HANDED_OVER), 3),
      terms: lease(99, 65_000_000, 5_000_000, "An indoor market for local traders and a community events hall.") },
    { asset: "Kensington Empty Homes", to: kensington.id, startedOn: ago(44), stages: days(ago(41), path(TransferStage.HANDED_OVER), 3),
      terms: freehold(30_000_000, 600, "Homes let or sold at prices local people can afford, for ever.") },
    { asset: "Earlestown Terraces", to: earlestown.id, startedOn: ago(34), stages: days(ago(31), path(TransferStage.HANDED_OVER), 3),
      terms: freehold(15_000_000, 400, "Homes let or sold at prices local people can afford, for ever.") },
    { asset: "Widnes Allotments", to: body.halton[0].id, startedOn: ago(14), stages: days(ago(10), path(TransferStage.COMPLETED), 2),
      terms: freehold(4_000_000, 0, "Allotments and a community orchard.") },
    { asset: "Granby Vacant Land", to: kensington.id, startedOn: ago(18), stages: days(ago(15), path(TransferStage.HEADS_OF_TERMS), 4),
      terms: freehold(22_000_000, 100, "New homes for social rent and shared ownership.") },
    { asset: "Parr Community Centre", to: body.stHelens[0].id, startedOn: ago(15), stages: days(ago(12), path(TransferStage.HEADS_OF_TERMS), 4),
      terms: lease(35, 19_000_000, 100, "A community centre with rooms to hire.") },
    { asset: "Runcorn Old Town Hall Annexe", to: body.halton[1].id, startedOn: ago(9), stages: days(ago(6), path(TransferStage.DUE_DILIGENCE), 3),
      terms: { tenure: Tenure.LEASE, leaseTermYears: 125, marketValuePence: 21_000_000 } },
    { asset: "Kirkby Old Baths", to: body.knowsley[0].id, startedOn: ago(4), stages: days(ago(1), path(TransferStage.BUSINESS_CASE), 1) },
    { asset: "Everton Park Lodge", to: body.liverpool[0].id, startedOn: ago(0, 20), stages: [] },
    { asset: "Bootle Library", to: repairCafe.id, startedOn: ago(11), stages: [{ stage: TransferStage.BUSINESS_CASE, on: ago(9) }, { stage: TransferStage.WITHDRAWN, on: ago(5) }] },
  ];
  const transfers = new TransfersService(m, () => today);
  for (const s of stories) {
    const as = s.as ?? admin;
    let { transfer } = must(await transfers.start(as, { assetId: assets.get(s.asset)!.id, toOrganisationId: s.to, startedOn: s.startedOn, ...s.terms }));
    for (const { stage, on } of s.stages) {
      // The council's side (network staff) records completion and handover.
      const mover = stage === TransferStage.COMPLETED || stage === TransferStage.HANDED_OVER ? admin : as;
      transfer = must(await transfers.move(mover, transfer.id, { expectedVersion: transfer.version, stage, on })).transfer;
    }
  }
  await value(DEMO_BAKERY_ASSET, ago(3), 24_000_000, SURVEYORS);
  await value("Birkenhead Market Hall", ago(8), 72_000_000);

  await loadDemoListings(m, { admin, today, ago, assets, body });
}

interface ListingContext {
  admin: Actor;
  today: string;
  ago: (months: number, days?: number) => string;
  assets: Map<string, Asset>;
  body: Record<Borough, Organisation[]>;
}

/** Assets of Community Value: moratoria running today (interim and full), a protected period, plain and pending listings. */
async function loadDemoListings(m: EntityManager, { admin, today, ago, assets, body }: ListingContext): Promise<void> {
  const acv = new AcvService(m, () => today);
  const list = async (asset: string, nominator: Organisation, nominatedOn: string, listedOn: string | null, reason: string) => {
    const { listing } = must(await acv.nominate(admin, { assetId: assets.get(asset)!.id, organisationId: nominator.id, nominatedOn, reason }));
    if (listedOn === null) return listing;
    return must(await acv.decide(admin, listing.id, { expectedVersion: listing.version, list: true, decidedOn: listedOn, reason: "Its main use furthers the community's social wellbeing and can continue to." })).listing;
  };
  // An interim moratorium running now: the council gave notice three weeks ago.
  const anfield = await list("Anfield Community Centre", body.liverpool[1], ago(26), ago(25), "Home to the lunch club, the youth club and three tenants' groups.");
  must(await acv.notifyDisposal(admin, anfield.id, { expectedVersion: anfield.version, noticeOn: ago(0, 21) }));
  // A full moratorium running now: a community group registered intent to bid in the interim.
  const huyton = await list("Huyton Village Hall", body.knowsley[1], ago(30), ago(29), "The only hall in the village: dances, clubs and the polling station.");
  const huytonNotice = ago(2);
  must(await acv.notifyDisposal(admin, huyton.id, { expectedVersion: huyton.version, noticeOn: huytonNotice }));
  must(await acv.registerIntentToBid(admin, huyton.id, { organisationId: body.knowsley[2].id, requestedOn: addDays(huytonNotice, 20) }));
  // A protected period: the moratorium ended with no bidder, so the council may sell until it ends.
  const market = await list("Earlestown Market Hall", body.stHelens[1], ago(41), ago(40), "The market that gave the town its name, and its weekly fair.");
  must(await acv.notifyDisposal(admin, market.id, { expectedVersion: market.version, noticeOn: ago(13) }));
  // An exempt disposal (recorded with its reason) does not need the moratorium.
  const pavilion = await list("Southport Pier Pavilion", body.sefton[0], ago(11), ago(10), "Concerts, tea dances and the pier's history group.");
  must(await acv.recordDisposal(admin, pavilion.id, {
    expectedVersion: pavilion.version, disposedOn: ago(4), exemption: AcvExemption.GROUP_COMPANIES,
    reason: "The pavilion's lease moved between two companies wholly owned by the council: no change of control.",
  }));
  // A nomination awaiting the council, and one the council decided not to list.
  await list("Crosby Lakeside Land", body.sefton[1], ago(0, 25), null, "Open water and paths the community has used for forty years.");
  const refused = await list("Bootle Library", body.sefton[2], ago(9), null, "The library's community rooms.");
  must(await acv.decide(admin, refused.id, { expectedVersion: refused.version, list: false, decidedOn: ago(8), reason: "Its community use ended in 2022 and is not likely to resume within five years." }));
}

function fail(message: string): never {
  throw new Error(`demo assets: ${message}`);
}
