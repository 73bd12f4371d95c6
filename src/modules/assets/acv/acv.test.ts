// Assets of Community Value on PostgreSQL: nominations and decisions, the dates the server stores, the state the API
// shows on the day before, of and after each deadline (month ends and leap years), and every refusal writing nothing.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import {
  actorOf, asAdmin, assetRowCounts, codes, listedAsset, makeAsset, ok, on, organisationWithOwner,
} from "../../../../tests/support/asset-factories";
import { randomUUID } from "node:crypto";
import { makeOrganisation, viewerWith } from "../../../../tests/support/organisation-factories";
import { ApiScope } from "../../../auth/roles";
import { toGlobalId } from "../../../graphql/ids";
import { LegalForm } from "../../organisations/organisation.enums";
import { AcvExemption } from "../assets.enums";
import { AcvService } from "./acv.service";
import type { AcvListing } from "./listing.entity";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

/** The service as it runs on `day`. */
const acv = (day: string) => new AcvService(app.db, on(day));

/** The listing's state on each day, through the API (node(id:) with one alias per day). */
async function statesOn(listing: AcvListing, days: string[]): Promise<string[]> {
  const fields = days.map((d, i) => `d${i}: state(on: "${d}")`).join(" ");
  const data = await app.ok(`query($id: ID!) { node(id: $id) { ... on AcvListing { ${fields} } } }`, { id: toGlobalId("AcvListing", listing.id) });
  return days.map((_, i) => data.node[`d${i}`]);
}

async function reload(listing: AcvListing): Promise<AcvListing> {
  return app.db.getRepository<AcvListing>("AcvListing").findOneByOrFail({ id: listing.id });
}

describe("nominating and listing", () => {
  test("an eligible community body nominates; the council lists it for five years from its decision", async () => {
    const asset = await makeAsset(app.db);
    const body = await organisationWithOwner(app.db, { legalForm: LegalForm.COMMUNITY_BENEFIT_SOCIETY });
    const nominated = ok(await acv("2024-02-01").nominate(actorOf(body.viewer), { assetId: asset.id, organisationId: body.organisationId, reason: "The last pub on the street." })).listing;
    expect(nominated).toMatchObject({ status: "NOMINATED", nominatedOn: "2024-02-01", listedOn: null });
    const { listing } = ok(await acv("2024-03-01").decide(asAdmin, nominated.id, { expectedVersion: nominated.version, list: true, decidedOn: "2024-02-29" }));
    expect(listing).toMatchObject({ status: "LISTED", decidedOn: "2024-02-29", listedOn: "2024-02-29", expiresOn: "2029-02-28" });
    expect(await statesOn(listing, ["2024-01-31", "2024-02-01", "2024-02-28", "2024-02-29", "2029-02-28", "2029-03-01"]))
      .toEqual(["NOT_LISTED", "NOMINATED", "NOMINATED", "LISTED", "LISTED", "EXPIRED"]);
    const [event] = await app.db.query("SELECT data FROM domain_event WHERE type = 'acv.listed' AND subject_id = $1", [listing.id]);
    expect(event.data).toEqual({ listingId: listing.id, assetId: asset.id, listedOn: "2024-02-29", expiresOn: "2029-02-28" });
  });

  test("only community bodies nominate: not a company limited by shares, a co-operative that distributes, or a small association", async () => {
    const asset = await makeAsset(app.db);
    const forms = [LegalForm.COMPANY_LIMITED_BY_SHARES, LegalForm.CO_OPERATIVE_SOCIETY, LegalForm.UNINCORPORATED_ASSOCIATION, LegalForm.SOLE_TRADER];
    const organisations = await Promise.all(forms.map((legalForm) => makeOrganisation(app.db, { legalForm })));
    const before = await assetRowCounts(app.db);
    for (const o of organisations) {
      expect(codes(await acv("2026-12-01").nominate(asAdmin, { assetId: asset.id, organisationId: o.id, reason: "Reason." }))).toEqual(["NOT_COMMUNITY_BODY"]);
    }
    expect(await assetRowCounts(app.db)).toEqual(before);
  });

  test("a second nomination waits for the first, and a listed asset is not nominated again until its listing ends", async () => {
    const { asset, listing } = await listedAsset(app.db, "2021-06-01");
    const body = await makeOrganisation(app.db);
    const nominate = (day: string) => acv(day).nominate(asAdmin, { assetId: asset.id, organisationId: body.id, reason: "Again.", nominatedOn: day });
    expect(codes(await nominate("2026-05-31"))).toEqual(["ALREADY_LISTED"]);
    expect(listing.expiresOn).toBe("2026-05-31");
    const again = ok(await nominate("2026-06-01")).listing;
    expect(codes(await nominate("2026-06-02"))).toEqual(["ALREADY_NOMINATED"]);
    expect(codes(await acv("2026-06-10").decide(asAdmin, again.id, { expectedVersion: again.version, list: true, decidedOn: "2026-05-31" }))).toEqual(["BEFORE_NOMINATION"]);
    const refused = ok(await acv("2026-06-10").decide(asAdmin, again.id, { expectedVersion: again.version, list: false, reason: "Not for community use." })).listing;
    expect(refused).toMatchObject({ status: "NOT_LISTED", decidedOn: "2026-06-10", listedOn: null });
    expect(codes(await acv("2026-06-11").decide(asAdmin, again.id, { expectedVersion: refused.version, list: true }))).toEqual(["WRONG_STATUS"]);
  });

  test("only ADMIN records the council's decision, and a stale version is refused", async () => {
    const asset = await makeAsset(app.db);
    const body = await organisationWithOwner(app.db);
    const nominated = ok(await acv("2026-11-01").nominate(actorOf(body.viewer), { assetId: asset.id, organisationId: body.organisationId, reason: "Reason." })).listing;
    expect(codes(await acv("2026-11-02").decide(actorOf(body.viewer), nominated.id, { expectedVersion: nominated.version, list: true }))).toEqual(["NOT_ALLOWED"]);
    expect(codes(await acv("2026-11-02").decide(asAdmin, nominated.id, { expectedVersion: nominated.version + 1, list: true }))).toEqual(["STALE_VERSION"]);
  });
});

describe("the moratorium clock, stored and shown", () => {
  test("a notice on 31 August with an intent to bid: each deadline's day before, day of and day after", async () => {
    const { listing } = await listedAsset(app.db, "2025-01-15");
    const noticed = ok(await acv("2026-09-01").notifyDisposal(asAdmin, listing.id, { expectedVersion: listing.version, noticeOn: "2026-08-31" })).listing;
    const bidder = await organisationWithOwner(app.db, { legalForm: LegalForm.CIC_LIMITED_BY_SHARES });
    ok(await acv("2026-10-11").registerIntentToBid(actorOf(bidder.viewer), noticed.id, { organisationId: bidder.organisationId }));
    const [notice] = await app.db.query(
      "SELECT notice_on::text, interim_ends_on::text, full_ends_on::text, protected_until::text FROM acv_disposal_notice WHERE listing_id = $1", [listing.id]);
    expect(notice).toEqual({ notice_on: "2026-08-31", interim_ends_on: "2026-10-11", full_ends_on: "2027-02-28", protected_until: "2028-02-29" });
    expect(await statesOn(listing, ["2026-08-30", "2026-08-31", "2026-09-01", "2026-10-11", "2026-10-12"]))
      .toEqual(["LISTED", "INTERIM_MORATORIUM", "INTERIM_MORATORIUM", "INTERIM_MORATORIUM", "FULL_MORATORIUM"]);
    expect(await statesOn(listing, ["2027-02-27", "2027-02-28", "2027-03-01", "2028-02-28", "2028-02-29", "2028-03-01", "2030-01-14", "2030-01-15"]))
      .toEqual(["FULL_MORATORIUM", "FULL_MORATORIUM", "PROTECTED_PERIOD", "PROTECTED_PERIOD", "PROTECTED_PERIOD", "LISTED", "LISTED", "EXPIRED"]);
    const shown = await app.ok(`query($id: ID!) { node(id: $id) { ... on AcvListing { listedOn expiresOn moratoriumEndsOn protectedUntil
      notices { noticeOn interimEndsOn fullEndsOn moratoriumEndsOn protectedUntil intentsToBid { requestedOn organisation { id } } } } } }`,
    { id: toGlobalId("AcvListing", listing.id) });
    expect(shown.node).toEqual({
      listedOn: "2025-01-15", expiresOn: "2030-01-14", moratoriumEndsOn: "2027-02-28", protectedUntil: "2028-02-29",
      notices: [{ noticeOn: "2026-08-31", interimEndsOn: "2026-10-11", fullEndsOn: "2027-02-28", moratoriumEndsOn: "2027-02-28", protectedUntil: "2028-02-29",
        intentsToBid: [{ requestedOn: "2026-10-11", organisation: { id: toGlobalId("Organisation", bidder.organisationId) } }] }],
    });
  });

  test("without an intent to bid the protected period starts the day after the interim moratorium", async () => {
    const { listing } = await listedAsset(app.db, "2025-01-15");
    ok(await acv("2027-01-01").notifyDisposal(asAdmin, listing.id, { expectedVersion: listing.version }));
    expect(await statesOn(listing, ["2026-12-31", "2027-01-01", "2027-02-11", "2027-02-12", "2028-06-30", "2028-07-01"]))
      .toEqual(["LISTED", "INTERIM_MORATORIUM", "INTERIM_MORATORIUM", "PROTECTED_PERIOD", "PROTECTED_PERIOD", "LISTED"]);
  });

  test("an intent to bid counts on the notice's day and the interim's last day, not the day after; nor before any notice", async () => {
    const { listing } = await listedAsset(app.db, "2025-01-15");
    const body = await makeOrganisation(app.db);
    const intent = (day: string, organisationId = body.id) => acv(day).registerIntentToBid(asAdmin, listing.id, { organisationId, requestedOn: day });
    expect(codes(await intent("2028-01-31"))).toEqual(["NO_NOTICE"]);
    const noticed = ok(await acv("2028-02-01").notifyDisposal(asAdmin, listing.id, { expectedVersion: listing.version, noticeOn: "2028-02-01" })).listing;
    // Six weeks beginning with 1 February 2028 (a leap February) end on 13 March.
    const before = await assetRowCounts(app.db);
    expect(codes(await intent("2028-03-14"))).toEqual(["OUTSIDE_INTERIM_MORATORIUM"]);
    expect(await assetRowCounts(app.db)).toEqual(before);
    ok(await intent("2028-03-13"));
    ok(await intent("2028-02-01", (await makeOrganisation(app.db)).id));
    expect(codes(await intent("2028-03-01"))).toEqual(["ALREADY_REGISTERED"]);
    expect((await reload(noticed)).version).toBe(noticed.version + 2);
    const [{ full }] = await app.db.query("SELECT full_ends_on::text AS full FROM acv_disposal_notice WHERE listing_id = $1", [listing.id]);
    expect(full).toBe("2028-07-31");
    const events = await app.db.query("SELECT type FROM domain_event WHERE subject_id = $1 ORDER BY id", [listing.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(["acv.listed", "acv.disposalNotified", "acv.intentToBid", "acv.intentToBid"]);
  });

  test("a notice on an unlisted asset, or a second moratorium inside the protected period, is refused and writes nothing", async () => {
    const { listing } = await listedAsset(app.db, "2025-03-31");
    const notify = async (day: string) => acv(day).notifyDisposal(asAdmin, listing.id, { expectedVersion: (await reload(listing)).version, noticeOn: day });
    const before = await assetRowCounts(app.db);
    expect(codes(await notify("2025-03-30"))).toEqual(["NOT_LISTED"]);
    expect(codes(await notify("2030-03-31"))).toEqual(["NOT_LISTED"]);
    expect(await assetRowCounts(app.db)).toEqual(before);
    ok(await notify("2025-05-31"));
    // 18 months beginning with 31 May 2025 end on 30 November 2026.
    for (const day of ["2025-06-01", "2026-02-14", "2026-11-30"]) expect(codes(await notify(day))).toEqual(["IN_PROTECTED_PERIOD"]);
    ok(await notify("2026-12-01"));
    const pending = await makeAsset(app.db);
    const body = await makeOrganisation(app.db);
    const nominated = ok(await acv("2026-11-01").nominate(asAdmin, { assetId: pending.id, organisationId: body.id, reason: "Reason." })).listing;
    expect(codes(await acv("2026-11-02").notifyDisposal(asAdmin, nominated.id, { expectedVersion: nominated.version }))).toEqual(["NOT_LISTED"]);
    expect(codes(await acv("2026-11-02").notifyDisposal(asAdmin, listing.id, { expectedVersion: 1, noticeOn: "2026-11-03" }))).toEqual(["STALE_VERSION"]);
    expect(codes(await acv("2026-12-31").notifyDisposal(asAdmin, listing.id, { expectedVersion: (await reload(listing)).version, noticeOn: "2027-01-01" }))).toEqual(["IN_FUTURE"]);
  });
});

describe("disposals", () => {
  test("a relevant disposal waits out the moratorium unless the buyer registered intent to bid; exempt ones carry their reason", async () => {
    const { listing } = await listedAsset(app.db, "2025-01-15");
    const bidder = await makeOrganisation(app.db);
    const stranger = await makeOrganisation(app.db);
    const version = async () => (await reload(listing)).version;
    const dispose = async (day: string, o: { buyer?: string; exemption?: AcvExemption } = {}) => acv("2027-12-31").recordDisposal(asAdmin, listing.id,
      { expectedVersion: await version(), disposedOn: day, reason: "Sold.", buyerOrganisationId: o.buyer ?? null, exemption: o.exemption ?? null });
    expect(codes(await dispose("2026-08-30"))).toEqual(["NOTICE_REQUIRED"]);
    ok(await acv("2026-09-01").notifyDisposal(asAdmin, listing.id, { expectedVersion: await version(), noticeOn: "2026-08-31" }));
    ok(await acv("2026-09-01").registerIntentToBid(asAdmin, listing.id, { organisationId: bidder.id }));
    expect(codes(await dispose("2027-02-28", { buyer: stranger.id }))).toEqual(["MORATORIUM_IN_FORCE"]);
    ok(await dispose("2027-02-28", { buyer: bidder.id }));
    ok(await dispose("2027-03-01", { buyer: stranger.id }));
    ok(await dispose("2026-09-15", { exemption: AcvExemption.ESTATE_OF_DECEASED }));
    expect(codes(await dispose("2030-01-15", { exemption: AcvExemption.GIFT }))).toEqual(["IN_FUTURE"]);
    expect(codes(await acv("2030-06-01").recordDisposal(asAdmin, listing.id, { expectedVersion: await version(), disposedOn: "2030-01-15", exemption: AcvExemption.GIFT, reason: "Gift." })))
      .toEqual(["NOT_LISTED"]);
    const shown = await app.ok(`query($id: ID!) { node(id: $id) { ... on AcvListing { disposals { disposedOn exemption reason buyer { id } } } } }`,
      { id: toGlobalId("AcvListing", listing.id) });
    expect(shown.node.disposals.map((d: { disposedOn: string; exemption: string | null }) => [d.disposedOn, d.exemption]))
      .toEqual([["2026-09-15", "ESTATE_OF_DECEASED"], ["2027-02-28", null], ["2027-03-01", null]]);
  });

  test("the owner organisation gives notice of its own asset; other organisations and a partner key may not", async () => {
    const owner = await organisationWithOwner(app.db);
    const other = await organisationWithOwner(app.db);
    const { listing } = await listedAsset(app.db, "2025-01-15", { ownerOrganisationId: owner.organisationId });
    const before = await assetRowCounts(app.db);
    expect(codes(await acv("2026-12-01").notifyDisposal(actorOf(other.viewer), listing.id, { expectedVersion: listing.version }))).toEqual(["NOT_ALLOWED"]);
    const partner = viewerWith({ apiKeyId: randomUUID(), scopes: [ApiScope.READ_PUBLIC, ApiScope.WRITE_ORGANISATIONS] });
    expect(codes(await acv("2026-12-01").notifyDisposal(actorOf(partner), listing.id, { expectedVersion: listing.version }))).toEqual(["NOT_ALLOWED"]);
    expect(await assetRowCounts(app.db)).toEqual(before);
    ok(await acv("2026-12-01").notifyDisposal(actorOf(owner.viewer), listing.id, { expectedVersion: listing.version }));
  });
});
