// Community asset transfer cases on PostgreSQL: every allowed and every refused stage move, the asset's holder and tenure
// following completed transfers, terms and days refused with nothing written, and who may act on a case.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import {
  actorOf, asAdmin, assetRowCounts, codes, makeAsset, ok, on, organisationWithOwner, transferAt,
} from "../../../../tests/support/asset-factories";
import { makeOrganisation } from "../../../../tests/support/organisation-factories";
import { makeUser, TEST_PASSWORD } from "../../../../tests/support/factories";
import { toGlobalId } from "../../../graphql/ids";
import { Tenure, TransferStage } from "../assets.enums";
import { Asset } from "../register/asset.entity";
import { TransfersService } from "./transfers.service";
import { TRANSFER_MOVES } from "./transfer.transitions";
import type { AssetTransfer } from "./transfer.entity";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const service = (day = "2026-12-01") => new TransfersService(app.db, on(day));
const STAGES = Object.values(TransferStage);
const assetNow = (id: string) => app.db.getRepository(Asset).findOneByOrFail({ id });

describe("stage moves", () => {
  test("from every stage, exactly the moves of the table are allowed; every other is WRONG_STATUS and writes nothing", async () => {
    const seen: string[] = [];
    for (const from of STAGES) {
      for (const to of STAGES) {
        const asset = await makeAsset(app.db);
        const transfer = await transferAt(app.db, asset, from);
        expect(transfer.stage).toBe(from);
        const before = await assetRowCounts(app.db);
        const r = await service().move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: to, on: "2025-03-01" });
        if (TRANSFER_MOVES[from].includes(to)) {
          expect({ from, to, stage: ok(r).transfer.stage }).toEqual({ from, to, stage: to });
          seen.push(`${from}->${to}`);
        } else {
          expect({ from, to, codes: codes(r) }).toEqual({ from, to, codes: ["WRONG_STATUS"] });
          expect(await assetRowCounts(app.db)).toEqual(before);
        }
      }
    }
    expect(seen).toEqual([
      "INTEREST->BUSINESS_CASE", "INTEREST->WITHDRAWN", "BUSINESS_CASE->DUE_DILIGENCE", "BUSINESS_CASE->WITHDRAWN",
      "DUE_DILIGENCE->HEADS_OF_TERMS", "DUE_DILIGENCE->WITHDRAWN", "HEADS_OF_TERMS->COMPLETED", "HEADS_OF_TERMS->WITHDRAWN", "COMPLETED->HANDED_OVER",
    ]);
  });

  test("a refused move says which moves the case may make", async () => {
    const transfer = await transferAt(app.db, await makeAsset(app.db), TransferStage.INTEREST);
    const r = await service().move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.HEADS_OF_TERMS });
    expect("errors" in r && r.errors[0]).toEqual({
      field: ["stage"], code: "WRONG_STATUS", message: "A transfer case that is INTEREST can become BUSINESS_CASE or WITHDRAWN, not HEADS_OF_TERMS.",
    });
    const withdrawn = await transferAt(app.db, await makeAsset(app.db), TransferStage.WITHDRAWN);
    const again = await service().move(asAdmin, withdrawn.id, { expectedVersion: withdrawn.version, stage: TransferStage.BUSINESS_CASE });
    expect("errors" in again && again.errors[0].message).toBe("A transfer case that is WITHDRAWN does not change any more.");
  });

  test("the stage history keeps each stage's day and who moved it, and each move is a transfer.stageChanged event", async () => {
    const owner = await organisationWithOwner(app.db);
    const asset = await makeAsset(app.db);
    let { transfer } = ok(await service("2026-03-01").start(actorOf(owner.viewer), { assetId: asset.id, toOrganisationId: owner.organisationId, startedOn: "2026-01-12", note: "Our group has met twice." }));
    transfer = ok(await service("2026-03-01").move(actorOf(owner.viewer), transfer.id, { expectedVersion: transfer.version, stage: TransferStage.BUSINESS_CASE, on: "2026-02-20" })).transfer;
    const token = await app.signIn((await app.db.query("SELECT email FROM app_user WHERE id = $1", [owner.viewer.userId]))[0].email, TEST_PASSWORD);
    const data = await app.ok(`query($id: ID!) { node(id: $id) { ... on AssetTransfer { stage startedOn stageHistory { stage movedOn note movedBy { id } } } } }`,
      { id: toGlobalId("AssetTransfer", transfer.id) }, token);
    const me = { id: toGlobalId("User", owner.viewer.userId!) };
    expect(data.node).toEqual({
      stage: "BUSINESS_CASE", startedOn: "2026-01-12",
      stageHistory: [{ stage: "INTEREST", movedOn: "2026-01-12", note: "Our group has met twice.", movedBy: me }, { stage: "BUSINESS_CASE", movedOn: "2026-02-20", note: null, movedBy: me }],
    });
    const events = await app.db.query("SELECT type, data FROM domain_event WHERE subject_id = $1 ORDER BY id", [transfer.id]);
    expect(events.map((e: { data: { from: string | null; to: string; on: string } }) => [e.data.from, e.data.to, e.data.on]))
      .toEqual([[null, "INTEREST", "2026-01-12"], ["INTEREST", "BUSINESS_CASE", "2026-02-20"]]);
  });

  test("a stage's day is never in the future nor before the stage before it", async () => {
    const transfer = await transferAt(app.db, await makeAsset(app.db), TransferStage.INTEREST, { startedOn: "2026-06-10" });
    const before = await assetRowCounts(app.db);
    const move = (day: string) => service("2026-12-01").move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.BUSINESS_CASE, on: day });
    expect(codes(await move("2026-12-02"))).toEqual(["IN_FUTURE"]);
    expect(codes(await move("2026-06-09"))).toEqual(["TOO_EARLY"]);
    expect(await assetRowCounts(app.db)).toEqual(before);
    ok(await move("2026-06-10"));
  });
});

describe("the asset follows completed transfers", () => {
  test("a lease puts the asset in the organisation's hands; a later freehold moves holder, tenure and owner; handover changes nothing", async () => {
    const asset = await makeAsset(app.db);
    expect(asset).toMatchObject({ communityHolderId: null, tenure: null, ownerKind: "PUBLIC_BODY", publicBodyOwner: "Liverpool City Council" });
    const first = await makeOrganisation(app.db);
    const leased = await transferAt(app.db, asset, TransferStage.COMPLETED, { toOrganisationId: first.id, startedOn: "2024-01-08", leaseTermYears: 125 });
    expect(leased.completedOn).toBe("2024-01-12");
    expect(await assetNow(asset.id)).toMatchObject({ communityHolderId: first.id, tenure: "LEASE", leaseTermYears: 125, transferredOn: "2024-01-12", ownerKind: "PUBLIC_BODY" });
    const handed = ok(await service().move(asAdmin, leased.id, { expectedVersion: leased.version, stage: TransferStage.HANDED_OVER, on: "2024-02-01" }));
    expect(handed.asset).toMatchObject({ communityHolderId: first.id, tenure: "LEASE", transferredOn: "2024-01-12" });

    const second = await makeOrganisation(app.db);
    const freehold = await transferAt(app.db, await assetNow(asset.id), TransferStage.COMPLETED, { toOrganisationId: second.id, startedOn: "2025-05-05", tenure: Tenure.FREEHOLD });
    expect(freehold).toMatchObject({ fromPublicBody: "Liverpool City Council", fromOrganisationId: null });
    expect(await assetNow(asset.id)).toMatchObject({
      communityHolderId: second.id, tenure: "FREEHOLD", leaseTermYears: null, transferredOn: "2025-05-09",
      ownerKind: "ORGANISATION", ownerOrganisationId: second.id, publicBodyOwner: null,
    });
    const [event] = await app.db.query("SELECT data FROM domain_event WHERE type = 'transfer.completed' AND subject_id = $1", [freehold.id]);
    expect(event.data).toEqual({
      transferId: freehold.id, assetId: asset.id, organisationId: second.id, tenure: "FREEHOLD", leaseTermYears: null,
      marketValuePence: 25_000_000, considerationPence: 100, communityGainPence: 24_999_900, on: "2025-05-09",
    });
    const [audit] = await app.db.query("SELECT changes FROM audit_event WHERE action = 'asset.transferred' AND entity_id = $1 ORDER BY occurred_at DESC LIMIT 1", [asset.id]);
    expect(audit.changes.tenure).toEqual({ before: "LEASE", after: "FREEHOLD" });
  });

  test("a withdrawn case and a case in progress leave the asset as it was", async () => {
    const asset = await makeAsset(app.db);
    await transferAt(app.db, asset, TransferStage.WITHDRAWN);
    await transferAt(app.db, asset, TransferStage.HEADS_OF_TERMS);
    expect(await assetNow(asset.id)).toMatchObject({ communityHolderId: null, tenure: null, transferredOn: null, version: 1 });
  });

  test("the asset's place in community hands is from its latest completion: an earlier day is refused", async () => {
    const asset = await makeAsset(app.db);
    await transferAt(app.db, asset, TransferStage.COMPLETED, { startedOn: "2025-06-02" });
    const late = await transferAt(app.db, await assetNow(asset.id), TransferStage.HEADS_OF_TERMS, { startedOn: "2024-01-01" });
    const r = await service().move(asAdmin, late.id, { expectedVersion: late.version, stage: TransferStage.COMPLETED, on: "2025-06-01" });
    expect(codes(r)).toEqual(["BEFORE_PREVIOUS_TRANSFER"]);
  });
});

describe("terms and bad input", () => {
  const start = async (terms: Record<string, unknown>) => {
    const asset = await makeAsset(app.db);
    const to = await makeOrganisation(app.db);
    const before = await assetRowCounts(app.db);
    const r = await service().start(asAdmin, { assetId: asset.id, toOrganisationId: to.id, ...terms });
    return { r, before, after: await assetRowCounts(app.db) };
  };

  test("lease terms of 0 or 1,000 years, a term without a lease, and consideration above market value are refused, writing nothing", async () => {
    for (const [terms, code] of [
      [{ tenure: Tenure.LEASE, leaseTermYears: 0 }, "LEASE_TERM_OUT_OF_RANGE"],
      [{ tenure: Tenure.LEASE, leaseTermYears: 1000 }, "LEASE_TERM_OUT_OF_RANGE"],
      [{ tenure: Tenure.LEASE }, "REQUIRED"],
      [{ tenure: Tenure.LICENCE, leaseTermYears: 5 }, "NOT_FOR_TENURE"],
      [{ marketValuePence: 100_000, considerationPence: 100_001 }, "ABOVE_MARKET_VALUE"],
      [{ marketValuePence: -1 }, "NEGATIVE_AMOUNT"],
    ] as const) {
      const { r, before, after } = await start(terms);
      expect({ terms, codes: codes(r) }).toEqual({ terms, codes: [code] });
      expect(after).toEqual(before);
    }
    const { r } = await start({ tenure: Tenure.LEASE, leaseTermYears: 999, marketValuePence: 100_000, considerationPence: 100_000 });
    expect(ok(r).transfer).toMatchObject({ tenure: "LEASE", leaseTermYears: 999 });
    expect(ok((await start({ tenure: Tenure.LEASE, leaseTermYears: 1 })).r).transfer.leaseTermYears).toBe(1);
  });

  test("terms change until completion: moving from a lease drops its term; completing needs them all", async () => {
    const asset = await makeAsset(app.db);
    const to = await makeOrganisation(app.db);
    let { transfer } = ok(await service().start(asAdmin, { assetId: asset.id, toOrganisationId: to.id, tenure: Tenure.LEASE, leaseTermYears: 99 }));
    transfer = ok(await service().setTerms(asAdmin, transfer.id, { expectedVersion: transfer.version, tenure: Tenure.LICENCE })).transfer;
    expect(transfer).toMatchObject({ tenure: "LICENCE", leaseTermYears: null });
    for (const stage of [TransferStage.BUSINESS_CASE, TransferStage.DUE_DILIGENCE, TransferStage.HEADS_OF_TERMS]) {
      transfer = ok(await service().move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage })).transfer;
    }
    const r = await service().move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED });
    expect("errors" in r && r.errors).toEqual([expect.objectContaining({ code: "TERMS_REQUIRED", message: "Agree the terms before completing: marketValuePence, considerationPence still to set." })]);
    transfer = ok(await service().setTerms(asAdmin, transfer.id, { expectedVersion: transfer.version, marketValuePence: 50_000_00, considerationPence: 0, assetLock: true, userClause: "Community use only." })).transfer;
    const done = ok(await service().move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED }));
    expect(done.asset).toMatchObject({ tenure: "LICENCE", communityHolderId: to.id });
    expect(codes(await service().setTerms(asAdmin, transfer.id, { expectedVersion: done.transfer.version, considerationPence: 1 }))).toEqual(["WRONG_STATUS"]);
    expect(codes(await service().setTerms(asAdmin, transfer.id, { expectedVersion: transfer.version, considerationPence: 1 }))).toEqual(["STALE_VERSION"]);
  });

  test("one case is worked on at a time for an asset; an organisation that owns it does not start one", async () => {
    const owner = await makeOrganisation(app.db);
    const asset = await makeAsset(app.db, { ownerOrganisationId: owner.id });
    expect(codes(await service().start(asAdmin, { assetId: asset.id, toOrganisationId: owner.id }))).toEqual(["ALREADY_OWNER"]);
    await transferAt(app.db, asset, TransferStage.DUE_DILIGENCE);
    expect(codes(await service().start(asAdmin, { assetId: asset.id, toOrganisationId: (await makeOrganisation(app.db)).id }))).toEqual(["OPEN_TRANSFER_EXISTS"]);
  });
});

describe("who may act on a case", () => {
  test("the receiving organisation works its case up to heads of terms; completing a council asset is for ADMIN", async () => {
    const group = await organisationWithOwner(app.db);
    const stranger = await organisationWithOwner(app.db);
    const asset = await makeAsset(app.db);
    let { transfer } = ok(await service().start(actorOf(group.viewer), {
      assetId: asset.id, toOrganisationId: group.organisationId, tenure: Tenure.FREEHOLD, marketValuePence: 1_000_000, considerationPence: 1,
    }));
    expect(codes(await service().start(actorOf(stranger.viewer), { assetId: (await makeAsset(app.db)).id, toOrganisationId: group.organisationId }))).toEqual(["NOT_ALLOWED"]);
    expect(codes(await service().move(actorOf(stranger.viewer), transfer.id, { expectedVersion: transfer.version, stage: TransferStage.BUSINESS_CASE }))).toEqual(["NOT_ALLOWED"]);
    for (const stage of [TransferStage.BUSINESS_CASE, TransferStage.DUE_DILIGENCE, TransferStage.HEADS_OF_TERMS]) {
      transfer = ok(await service().move(actorOf(group.viewer), transfer.id, { expectedVersion: transfer.version, stage })).transfer;
    }
    const before = await assetRowCounts(app.db);
    expect(codes(await service().move(actorOf(group.viewer), transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED }))).toEqual(["NOT_ALLOWED"]);
    expect(await assetRowCounts(app.db)).toEqual(before);
    ok(await service().move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED }));
  });

  test("between organisations, the transferring one completes", async () => {
    const giver = await organisationWithOwner(app.db);
    const taker = await organisationWithOwner(app.db);
    const asset = await makeAsset(app.db, { ownerOrganisationId: giver.organisationId });
    let transfer: AssetTransfer = await transferAt(app.db, asset, TransferStage.HEADS_OF_TERMS, { toOrganisationId: taker.organisationId });
    expect(transfer.fromOrganisationId).toBe(giver.organisationId);
    expect(codes(await service().move(actorOf(taker.viewer), transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED }))).toEqual(["NOT_ALLOWED"]);
    transfer = ok(await service().move(actorOf(giver.viewer), transfer.id, { expectedVersion: transfer.version, stage: TransferStage.COMPLETED })).transfer;
    expect(transfer.stage).toBe("COMPLETED");
  });

  test("a case that does not exist is refused like one you may not act on; only ADMIN is told it is missing", async () => {
    const group = await organisationWithOwner(app.db);
    const missing = "00000000-0000-4000-8000-000000000000";
    const hidden = await transferAt(app.db, await makeAsset(app.db), TransferStage.INTEREST);
    const asGroup = (id: string) => service().move(actorOf(group.viewer), id, { expectedVersion: 1, stage: TransferStage.WITHDRAWN });
    const [a, b] = [await asGroup(missing), await asGroup(hidden.id)];
    expect("errors" in a && a.errors).toEqual("errors" in b && b.errors);
    expect(codes(a)).toEqual(["NOT_ALLOWED"]);
    expect(codes(await service().move(asAdmin, missing, { expectedVersion: 1, stage: TransferStage.WITHDRAWN }))).toEqual(["NOT_FOUND"]);
    const nobody = await makeUser(app.db);
    expect(codes(await service().move(actorOf({ userId: nobody.id, apiKeyId: null, roles: new Set(), memberships: new Map(), scopes: null }), hidden.id,
      { expectedVersion: hidden.version, stage: TransferStage.WITHDRAWN }))).toEqual(["NOT_ALLOWED"]);
  });
});
