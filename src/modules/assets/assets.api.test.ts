// What the region summary takes from the assets module: transfers completed, listings, moratoria live and assets held,
// for places with the places inside them, over a period whose first and last days both count.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { asAdmin, listedAsset, makeAsset, ok, on, transferAt } from "../../../tests/support/asset-factories";
import { placeId } from "../../../tests/support/organisation-factories";
import { insertPlaces } from "../../../tests/support/places";
import { Tenure, TransferStage } from "./assets.enums";
import { AcvService } from "./acv/acv.service";
import { assetsApi } from "./assets.api";

let app: TestApp;
let wirral: string;
let ward: string;
beforeAll(async () => {
  app = await startTestApp();
  wirral = await placeId(app.db, "E08000015");
  [ward] = await insertPlaces(app.db, "E08000015", ["Api Test Ward"]);
  // Two transfers completing on 5 March 2025 and 5 March 2026 (transferAt completes four days after the start).
  await transferAt(app.db, await makeAsset(app.db, { placeId: ward }), TransferStage.COMPLETED, { startedOn: "2025-03-01" });
  await transferAt(app.db, await makeAsset(app.db, { placeCode: "E08000015" }), TransferStage.HANDED_OVER, { startedOn: "2026-03-01", tenure: Tenure.FREEHOLD });
  await transferAt(app.db, await makeAsset(app.db, { placeCode: "E08000015" }), TransferStage.HEADS_OF_TERMS, { startedOn: "2026-03-01" });
  await transferAt(app.db, await makeAsset(app.db, { placeCode: "E08000012" }), TransferStage.COMPLETED, { startedOn: "2025-03-01" });
  // Listed on 1 June 2025, notice on 1 October 2025 (interim moratorium to 11 November 2025).
  const { listing } = await listedAsset(app.db, "2025-06-01", { placeId: ward });
  ok(await new AcvService(app.db, on("2025-10-01")).notifyDisposal(asAdmin, listing.id, { expectedVersion: listing.version }));
});
afterAll(async () => { await app.close(); });

test("a borough's figures count its wards; days outside the period do not count", async () => {
  expect(await assetsApi.regionFigures(app.db, [wirral], "2025-01-01", "2025-12-31")).toEqual({
    transfersCompleted: 1, marketValuePence: 25_000_000, considerationPence: 100, communityGainPence: 24_999_900,
    assetsListed: 1, moratoriaLive: 1, assetsHeld: 1,
  });
  expect(await assetsApi.regionFigures(app.db, [wirral], "2025-03-06", "2026-03-05")).toMatchObject({ transfersCompleted: 1, assetsListed: 1, assetsHeld: 2 });
  expect(await assetsApi.regionFigures(app.db, [ward], "2025-03-05", "2025-03-05")).toMatchObject({ transfersCompleted: 1, assetsListed: 0, moratoriaLive: 0 });
});

test("a moratorium is live in a period it overlaps by a day, not one that starts the day after it ends", async () => {
  expect((await assetsApi.regionFigures(app.db, [wirral], "2025-11-11", "2025-12-31")).moratoriaLive).toBe(1);
  expect((await assetsApi.regionFigures(app.db, [wirral], "2025-11-12", "2025-12-31")).moratoriaLive).toBe(0);
  expect((await assetsApi.regionFigures(app.db, [wirral], "2025-01-01", "2025-09-30")).moratoriaLive).toBe(0);
});

test("uplift per place and assets by id are there for later modules", async () => {
  const [{ placeId: p, totals }] = await assetsApi.upliftByPlace(app.db, [wirral]);
  expect(p).toBe(wirral);
  expect(totals).toMatchObject({ assets: 2, revalued: 0, upliftPence: 0, valueAtTransferPence: 50_000_000 });
  const asset = await makeAsset(app.db);
  expect((await assetsApi.byIds(app.db, [asset.id, "00000000-0000-4000-8000-000000000000"])).size).toBe(1);
});
