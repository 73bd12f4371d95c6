// The asset register through the API: registering with checked identifiers and one owner, changing with expectedVersion,
// valuations over time, and the uplift since transfer per asset, organisation and place.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { asAdmin, assetRowCounts, makeAsset, ok, on, organisationWithOwner, transferAt } from "../../../../tests/support/asset-factories";
import { makeOrganisation, placeId } from "../../../../tests/support/organisation-factories";
import { makeUser, TEST_PASSWORD } from "../../../../tests/support/factories";
import { insertPlaces } from "../../../../tests/support/places";
import { toGlobalId } from "../../../graphql/ids";
import { Role } from "../../../auth/roles";
import { Tenure, TransferStage, ValuationBasis } from "../assets.enums";
import { RegisterService } from "./register.service";

let app: TestApp;
let admin: string;
let liverpool: string;
beforeAll(async () => {
  app = await startTestApp();
  const user = await makeUser(app.db, { roles: [Role.ADMIN] });
  admin = await app.signIn(user.email, TEST_PASSWORD);
  liverpool = toGlobalId("Place", await placeId(app.db, "E08000012"));
});
afterAll(async () => { await app.close(); });

const ERRORS = "userErrors { field code message }";
const REGISTER = `mutation($input: RegisterAssetInput!) { registerAsset(input: $input) {
  asset { id name kind postcode uprn titleNumber ownerKind publicBodyOwner ownerOrganisation { id } place { name } version tenure communityHolder { id } } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { id name version postcode } ${ERRORS} } }`;
const VALUE = `mutation($input: RecordAssetValuationInput!) { recordAssetValuation(input: $input) {
  valuation { valuedOn basis amount { pence formatted } valuer } asset { latestValuation { valuedOn } } ${ERRORS} } }`;

test("an asset is registered with its identifiers written as the registers write them", async () => {
  const { registerAsset: r } = await app.ok(REGISTER, { input: {
    name: "Former Granby Library", kind: "BUILDING", placeId: liverpool, postcode: "l8  2ty", uprn: "38012345678", titleNumber: "ms 123456",
    publicBodyOwner: "Liverpool City Council", address: "1 Granby Street", floorAreaSqm: 420,
  } }, admin);
  expect(r.userErrors).toEqual([]);
  expect(r.asset).toMatchObject({
    name: "Former Granby Library", kind: "BUILDING", postcode: "L8 2TY", uprn: "38012345678", titleNumber: "MS123456",
    ownerKind: "PUBLIC_BODY", publicBodyOwner: "Liverpool City Council", ownerOrganisation: null, place: { name: "Liverpool" }, version: 1, tenure: null, communityHolder: null,
  });
});

test("bad identifiers, no owner or two, and an unknown place are refused together, writing nothing", async () => {
  const owner = await makeOrganisation(app.db);
  const before = await assetRowCounts(app.db);
  const { registerAsset: r } = await app.ok(REGISTER, { input: {
    name: " ", kind: "LAND", placeId: toGlobalId("Place", "00000000-0000-4000-8000-000000000000"), postcode: "LIVERPOOL", uprn: "0999", titleNumber: "123456",
    publicBodyOwner: "Wirral Council", ownerOrganisationId: toGlobalId("Organisation", owner.id), floorAreaSqm: 0,
  } }, admin);
  expect(r.asset).toBeNull();
  expect(r.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(
    ["INVALID_POSTCODE", "INVALID_TITLE_NUMBER", "INVALID_UPRN", "ONE_OWNER", "OUT_OF_RANGE", "REQUIRED", "UNKNOWN_PLACE"]);
  expect(r.userErrors.every((e: { message: string }) => !/LIVERPOOL|0999|Wirral Council/.test(e.message))).toBe(true);
  const none = await app.ok(REGISTER, { input: { name: "No owner", kind: "LAND", placeId: liverpool } }, admin);
  expect(none.registerAsset.userErrors.map((e: { code: string }) => e.code)).toEqual(["ONE_OWNER"]);
  expect(await assetRowCounts(app.db)).toEqual(before);
});

test("a UPRN belongs to one asset", async () => {
  await makeAsset(app.db, { uprn: "38099999999" });
  const r = await app.ok(REGISTER, { input: { name: "Twin", kind: "LAND", placeId: liverpool, uprn: "38099999999", publicBodyOwner: "Liverpool City Council" } }, admin);
  expect(r.registerAsset.userErrors.map((e: { code: string }) => e.code)).toEqual(["UPRN_TAKEN"]);
});

test("an organisation registers what it owns, and its editors change it with expectedVersion; others may not", async () => {
  const owner = await organisationWithOwner(app.db);
  const token = await app.signIn((await app.db.query("SELECT email FROM app_user WHERE id = $1", [owner.viewer.userId]))[0].email, TEST_PASSWORD);
  const refused = await app.ok(REGISTER, { input: { name: "Council land", kind: "LAND", placeId: liverpool, publicBodyOwner: "Liverpool City Council" } }, token);
  expect(refused.registerAsset.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ALLOWED"]);
  const own = await app.ok(REGISTER, { input: { name: "Our yard", kind: "LAND", placeId: liverpool, ownerOrganisationId: toGlobalId("Organisation", owner.organisationId) } }, token);
  const asset = own.registerAsset.asset;
  expect(asset.ownerOrganisation.id).toBe(toGlobalId("Organisation", owner.organisationId));
  const changed = await app.ok(UPDATE, { input: { assetId: asset.id, expectedVersion: 1, name: "Our yard and shed", postcode: "L8 1AB" } }, token);
  expect(changed.updateAsset.asset).toMatchObject({ name: "Our yard and shed", version: 2, postcode: "L8 1AB" });
  const stale = await app.ok(UPDATE, { input: { assetId: asset.id, expectedVersion: 1, name: "Again" } }, token);
  expect(stale.updateAsset.userErrors.map((e: { code: string }) => e.code)).toEqual(["STALE_VERSION"]);
  const giveAway = await app.ok(UPDATE, { input: { assetId: asset.id, expectedVersion: 2, publicBodyOwner: "Liverpool City Council" } }, token);
  expect(giveAway.updateAsset.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ALLOWED"]);
  const stranger = await makeUser(app.db);
  const theirs = await app.ok(UPDATE, { input: { assetId: asset.id, expectedVersion: 2, name: "Mine now" } }, await app.signIn(stranger.email, TEST_PASSWORD));
  expect(theirs.updateAsset.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ALLOWED"]);
});

test("valuations are kept over time in pence, never in the future", async () => {
  const asset = await makeAsset(app.db);
  const id = toGlobalId("Asset", asset.id);
  const first = await app.ok(VALUE, { input: { assetId: id, valuedOn: "2020-04-01", basis: "MARKET_VALUE", amountPence: 15_000_000, valuer: "District Valuer Services" } }, admin);
  expect(first.recordAssetValuation.valuation).toEqual({ valuedOn: "2020-04-01", basis: "MARKET_VALUE", amount: { pence: 15_000_000, formatted: "£150,000.00" }, valuer: "District Valuer Services" });
  await app.ok(VALUE, { input: { assetId: id, valuedOn: "2024-04-01", basis: "EXISTING_USE_VALUE", amountPence: 9_000_000, valuer: "District Valuer Services" } }, admin);
  const future = await app.ok(VALUE, { input: { assetId: id, valuedOn: "2199-01-01", basis: "MARKET_VALUE", amountPence: 1, valuer: "Someone" } }, admin);
  expect(future.recordAssetValuation.userErrors.map((e: { code: string }) => e.code)).toEqual(["IN_FUTURE"]);
  const fraction = await app.run(VALUE, { input: { assetId: id, valuedOn: "2024-04-01", basis: "MARKET_VALUE", amountPence: 1.5, valuer: "Someone" } }, admin);
  expect(fraction.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  const { node } = await app.ok(`query($id: ID!) { node(id: $id) { ... on Asset { valuations { valuedOn basis } latestValuation { valuedOn } } } }`, { id });
  expect(node).toEqual({ valuations: [{ valuedOn: "2024-04-01", basis: "EXISTING_USE_VALUE" }, { valuedOn: "2020-04-01", basis: "MARKET_VALUE" }], latestValuation: { valuedOn: "2024-04-01" } });
  await expect(app.db.query("UPDATE asset_valuation SET amount_pence = 1 WHERE asset_id = $1", [asset.id])).rejects.toThrow(/cannot be changed/);
});

describe("uplift since transfer", () => {
  test("per asset, per holder and per place (a borough counting its wards), from market valuations after the transfer", async () => {
    const [ward] = await insertPlaces(app.db, "E08000015", ["Uplift Test Ward"]);
    const holder = await makeOrganisation(app.db);
    const revalued = await makeAsset(app.db, { placeCode: "E08000015" });
    await new RegisterService(app.db).update(asAdmin, revalued.id, { expectedVersion: 1, placeId: ward });
    const notRevalued = await makeAsset(app.db, { placeCode: "E08000015" });
    // transferAt completes on the fourth day after the start, at a market value of £250,000.
    await transferAt(app.db, revalued, TransferStage.COMPLETED,
      { toOrganisationId: holder.id, startedOn: "2021-03-01", tenure: Tenure.FREEHOLD });
    await transferAt(app.db, notRevalued, TransferStage.HANDED_OVER, { toOrganisationId: holder.id, startedOn: "2022-01-03" });
    const value = (assetId: string, valuedOn: string, pence: number, basis = ValuationBasis.MARKET_VALUE) =>
      new RegisterService(app.db, on("2026-12-01")).recordValuation(asAdmin, assetId, { valuedOn, basis, amountPence: pence, valuer: "District Valuer Services" });
    ok(await value(revalued.id, "2021-03-05", 99_000_000));
    ok(await value(revalued.id, "2024-06-01", 32_000_000));
    ok(await value(revalued.id, "2025-06-01", 31_000_000, ValuationBasis.EXISTING_USE_VALUE));
    ok(await value(notRevalued.id, "2020-01-01", 99_000_000));
    const q = `query($ids: [ID!]!, $org: ID!, $places: [ID!]!) {
      nodes(ids: $ids) { ... on Asset { valueAtTransfer { pence } upliftSinceTransfer { pence } } }
      org: node(id: $org) { ... on Organisation { assetUplift { assets revalued valueAtTransfer { pence } currentValue { pence } uplift { pence formatted } } } }
      assetUplift(placeIds: $places) { place { name } assets uplift { pence } } }`;
    const data = await app.ok(q, {
      ids: [revalued.id, notRevalued.id, (await makeAsset(app.db)).id].map((i) => toGlobalId("Asset", i)), org: toGlobalId("Organisation", holder.id),
      places: [toGlobalId("Place", ward), toGlobalId("Place", await placeId(app.db, "E08000015")), liverpool],
    });
    expect(data.nodes).toEqual([
      { valueAtTransfer: { pence: 25_000_000 }, upliftSinceTransfer: { pence: 7_000_000 } },
      { valueAtTransfer: { pence: 25_000_000 }, upliftSinceTransfer: null },
      { valueAtTransfer: null, upliftSinceTransfer: null },
    ]);
    expect(data.org.assetUplift).toEqual({
      assets: 2, revalued: 1, valueAtTransfer: { pence: 50_000_000 }, currentValue: { pence: 57_000_000 }, uplift: { pence: 7_000_000, formatted: "£70,000.00" },
    });
    expect(data.assetUplift).toEqual([
      { place: { name: "Uplift Test Ward" }, assets: 1, uplift: { pence: 7_000_000 } },
      { place: { name: "Wirral" }, assets: 2, uplift: { pence: 7_000_000 } },
      { place: { name: "Liverpool" }, assets: expect.any(Number), uplift: { pence: expect.any(Number) } },
    ]);
  });
});
