// The assets and assetTransfers lists over HTTP-shaped operations: every filter (places with the places inside them,
// kind, stage, holder, day ranges), keyset order, who sees cases in negotiation, and SQL counts that do not grow with
// the page.
import { startTestApp, TestApp } from "../support/test-app";
import { asAdmin, listedAsset, makeAsset, ok, on, organisationWithOwner, transferAt } from "../support/asset-factories";
import { makeOrganisation, placeId } from "../support/organisation-factories";
import { insertPlaces } from "../support/places";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { toGlobalId } from "../../src/graphql/ids";
import { Role } from "../../src/auth/roles";
import { AssetKind, Tenure, TransferStage } from "../../src/modules/assets/assets.enums";
import { AcvService } from "../../src/modules/assets/acv/acv.service";

let app: TestApp;
let admin: string;
let analyst: string;
const ids: Record<string, string> = {};
let partyToken: string;
let party: string;
let holder: string;

const gid = (type: string, id: string) => toGlobalId(type, id);

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
  analyst = await app.signIn((await makeUser(app.db, { roles: [Role.ANALYST] })).email, TEST_PASSWORD);
  const [ward] = await insertPlaces(app.db, "E08000011", ["Lists Test Ward"]);
  holder = (await makeOrganisation(app.db, { name: "Kirkby Baths Trust" })).id;
  const person = await organisationWithOwner(app.db, { name: "Halton Hub CIC" });
  party = person.organisationId;
  partyToken = await app.signIn((await app.db.query("SELECT email FROM app_user WHERE id = $1", [person.viewer.userId]))[0].email, TEST_PASSWORD);

  const baths = await makeAsset(app.db, { name: "Kirkby Baths", kind: AssetKind.BUILDING, placeId: ward, publicBodyOwner: "Knowsley Council" });
  const field = await makeAsset(app.db, { name: "Halton Meadow", kind: AssetKind.LAND, placeCode: "E06000006", publicBodyOwner: "Halton Borough Council" });
  const pub = (await listedAsset(app.db, "2025-01-15", { name: "The Anfield Arms", kind: AssetKind.BUILDING })).asset;
  const homes = await makeAsset(app.db, { name: "Rock Ferry Terraces", kind: AssetKind.HOUSING, placeCode: "E08000015", publicBodyOwner: "Wirral Council" });
  Object.assign(ids, { baths: baths.id, field: field.id, pub: pub.id, homes: homes.id, ward });
  ids.bathsTransfer = (await transferAt(app.db, baths, TransferStage.HANDED_OVER, { toOrganisationId: holder, startedOn: "2023-05-01", tenure: Tenure.LEASE, leaseTermYears: 99 })).id;
  ids.fieldTransfer = (await transferAt(app.db, field, TransferStage.DUE_DILIGENCE, { toOrganisationId: party, startedOn: "2026-02-02" })).id;
  ids.homesTransfer = (await transferAt(app.db, homes, TransferStage.COMPLETED, { toOrganisationId: holder, startedOn: "2025-09-01", tenure: Tenure.FREEHOLD })).id;
  ids.pubTransfer = (await transferAt(app.db, pub, TransferStage.WITHDRAWN, { startedOn: "2024-06-03" })).id;
});
afterAll(async () => { await app.close(); });

const names = (data: { nodes: { name: string }[] }) => data.nodes.map((n) => n.name);

async function assets(filter: Record<string, unknown>, as = admin): Promise<string[]> {
  const data = await app.ok(`query($f: AssetFilter) { assets(first: 100, filter: $f) { totalCount nodes { name } } }`, { f: filter }, as);
  expect(data.assets.totalCount).toBe(data.assets.nodes.length);
  return names(data.assets);
}

describe("the assets list", () => {
  test("places include the places inside them; kinds, holders, tenures and community hands filter", async () => {
    const knowsley = gid("Place", await placeId(app.db, "E08000011"));
    expect(await assets({ placeIds: [knowsley] })).toEqual(["Kirkby Baths"]);
    expect(await assets({ placeIds: [gid("Place", ids.ward)] })).toEqual(["Kirkby Baths"]);
    expect(await assets({ kinds: ["LAND", "HOUSING"] })).toEqual(["Halton Meadow", "Rock Ferry Terraces"]);
    expect(await assets({ holderIds: [gid("Organisation", holder)] })).toEqual(["Kirkby Baths", "Rock Ferry Terraces"]);
    expect(await assets({ tenures: ["FREEHOLD"] })).toEqual(["Rock Ferry Terraces"]);
    expect(await assets({ communityHeld: false, placeIds: [knowsley, gid("Place", await placeId(app.db, "E06000006"))] })).toEqual(["Halton Meadow"]);
  });

  test("day ranges: listed on a day, and passed into community hands between two days (both counted)", async () => {
    expect(await assets({ acvListedOn: "2025-01-15" })).toEqual(["The Anfield Arms"]);
    expect(await assets({ acvListedOn: "2025-01-14" })).toEqual([]);
    expect(await assets({ acvListedOn: "2030-01-14" })).toEqual(["The Anfield Arms"]);
    // transferAt completes on the fourth day after the start: 5 May 2023 and 5 September 2025.
    expect(await assets({ transferredFrom: "2023-05-05", transferredTo: "2025-09-04" })).toEqual(["Kirkby Baths"]);
    expect(await assets({ transferredFrom: "2023-05-06" })).toEqual(["Rock Ferry Terraces"]);
  });

  test("pages by name with keyset cursors, and by last change", async () => {
    const first = await app.ok(`{ assets(first: 2) { pageInfo { hasNextPage endCursor } nodes { name } } }`, {}, admin);
    expect(names(first.assets)).toEqual(["Halton Meadow", "Kirkby Baths"]);
    const next = await app.ok(`query($a: String) { assets(first: 2, after: $a) { nodes { name } } }`, { a: first.assets.pageInfo.endCursor }, admin);
    expect(names(next.assets)).toEqual(["Rock Ferry Terraces", "The Anfield Arms"]);
    const wrong = await app.run(`query($a: String) { assets(first: 2, after: $a, orderBy: { field: UPDATED_AT }) { nodes { name } } }`, { a: first.assets.pageInfo.endCursor }, admin);
    expect(wrong.errors?.[0]?.message).toMatch(/different orderBy/);
  });
});

describe("the assetTransfers list", () => {
  /** The cases listed to `as` (null: anonymous). */
  async function cases(filter: Record<string, unknown>, as: string | null = admin): Promise<string[]> {
    const data = await app.ok(`query($f: AssetTransferFilter) { assetTransfers(first: 100, filter: $f) { totalCount nodes { id } } }`, { f: filter }, as ?? undefined);
    expect(data.assetTransfers.totalCount).toBe(data.assetTransfers.nodes.length);
    return data.assetTransfers.nodes.map((n: { id: string }) => n.id);
  }
  const t = (...keys: string[]) => keys.map((k) => gid("AssetTransfer", ids[k]));

  test("filters by the asset's place, stage, receiving organisation, asset and day ranges, oldest start first", async () => {
    expect(await cases({})).toEqual(t("bathsTransfer", "pubTransfer", "homesTransfer", "fieldTransfer"));
    expect(await cases({ placeIds: [gid("Place", await placeId(app.db, "E08000011"))] })).toEqual(t("bathsTransfer"));
    expect(await cases({ stages: ["COMPLETED", "HANDED_OVER"] })).toEqual(t("bathsTransfer", "homesTransfer"));
    expect(await cases({ toOrganisationIds: [gid("Organisation", party)] })).toEqual(t("fieldTransfer"));
    expect(await cases({ assetIds: [gid("Asset", ids.pub)] })).toEqual(t("pubTransfer"));
    expect(await cases({ startedFrom: "2024-06-03", startedTo: "2025-09-01" })).toEqual(t("pubTransfer", "homesTransfer"));
    expect(await cases({ completedFrom: "2025-01-01", completedTo: "2025-12-31" })).toEqual(t("homesTransfer"));
  });

  test("cases in negotiation or withdrawn are for the parties, ADMIN and ANALYST; completed ones are public", async () => {
    const everyone = t("bathsTransfer", "pubTransfer", "homesTransfer", "fieldTransfer");
    expect(await cases({}, analyst)).toEqual(everyone);
    expect(await cases({}, partyToken)).toEqual(t("bathsTransfer", "homesTransfer", "fieldTransfer"));
    expect(await cases({}, null)).toEqual(t("bathsTransfer", "homesTransfer"));
    // The same rule under each asset and through node(id:).
    const nested = await app.ok(`{ assets(first: 10) { nodes { transfers(first: 5) { nodes { id } } } } }`, {}, partyToken);
    expect(nested.assets.nodes.flatMap((a: { transfers: { nodes: { id: string }[] } }) => a.transfers.nodes.map((n) => n.id)).sort())
      .toEqual(t("bathsTransfer", "homesTransfer", "fieldTransfer").sort());
    const refetched = await app.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: everyone }, partyToken);
    expect(refetched.nodes.map((n: { id: string } | null) => n?.id ?? null)).toEqual([everyone[0], null, everyone[2], everyone[3]]);
  });
});

describe("SQL statements do not grow with the page", () => {
  const OWNERSHIP = `query($n: Int!) { assets(first: $n) { totalCount nodes { name kind tenure communityHolder { name } place { name }
    acvListing { listedOn expiresOn moratoriumEndsOn protectedUntil state }
    transfers(first: 5) { nodes { stage consideration { pence } marketValue { pence } toOrganisation { name } stageHistory { stage } } } } } }`;

  test("the dashboard's nested read costs the same for 2 assets as for 30", async () => {
    for (let i = 0; i < 30; i++) {
      const { asset, listing } = await listedAsset(app.db, "2025-02-03", { name: `Counted Asset ${String(i).padStart(2, "0")}` });
      if (i % 3 === 0) ok(await new AcvService(app.db, on("2026-11-20")).notifyDisposal(asAdmin, listing.id, { expectedVersion: listing.version }));
      if (i % 4 === 0) await transferAt(app.db, asset, TransferStage.HEADS_OF_TERMS);
    }
    const few = await app.run(OWNERSHIP, { n: 2 }, admin);
    const many = await app.run(OWNERSHIP, { n: 30 }, admin);
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.data!.assets.nodes.filter((a: { acvListing: { moratoriumEndsOn: string | null } }) => a.acvListing?.moratoriumEndsOn).length).toBeGreaterThan(5);
    // The page with everything under it and one batch of notices for the listings' state today (the token's viewer
    // comes from the session cache).
    expect([few.sql, many.sql]).toEqual([2, 2]);
  });

  test("Organisation.assets folds into the organisations page", async () => {
    const q = `query($n: Int!) { organisations(first: $n) { nodes { name assets(first: 3) { totalCount nodes { name tenure } } assetUplift { assets } } } }`;
    const few = await app.run(q, { n: 2 }, admin);
    const many = await app.run(q, { n: 40 }, admin);
    expect(many.errors).toBeUndefined();
    expect(many.data!.organisations.nodes.find((o: { name: string }) => o.name === "Kirkby Baths Trust").assets).toMatchObject({ totalCount: 2 });
    // One statement (the token's viewer comes from the session cache).
    expect([few.sql, many.sql]).toEqual([1, 1]);
  });
});
