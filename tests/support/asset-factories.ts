// Factories for asset and housing tests: assets, listings and transfer cases made through the assets module's own
// services (so rules, audit and events apply), people who act for organisations, and the tables a refusal must not touch.
import type { DataSource } from "typeorm";
import type { Actor, Viewer } from "../../src/auth/viewer";
import { OrganisationRole } from "../../src/auth/roles";
import { RegisterService, AssetDetails } from "../../src/modules/assets/register/register.service";
import { AcvService } from "../../src/modules/assets/acv/acv.service";
import { TransfersService } from "../../src/modules/assets/transfers/transfers.service";
import { AssetKind, Tenure, TransferStage } from "../../src/modules/assets/assets.enums";
import type { Asset } from "../../src/modules/assets/register/asset.entity";
import type { AcvListing } from "../../src/modules/assets/acv/listing.entity";
import type { AssetTransfer } from "../../src/modules/assets/transfers/transfer.entity";
import { makeUser } from "./factories";
import { makeOrganisation, placeId, SYSTEM_ADMIN, viewerWith } from "./organisation-factories";
import { LegalForm } from "../../src/modules/organisations/organisation.enums";
import { addDays } from "../../src/kit/calendar";

export const asAdmin: Actor = { viewer: SYSTEM_ADMIN, requestId: "asset-factory" };
export const actorOf = (viewer: Viewer): Actor => ({ viewer, requestId: "asset-test" });
/** Services that think today is `day`. */
export const on = (day: string) => () => day;

export function ok<R extends object>(r: R): Exclude<R, { errors: unknown }> {
  if ("errors" in r) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r as Exclude<R, { errors: unknown }>;
}

/** The codes of a result's refusals (empty when it was not refused). */
export const codes = (r: object): string[] => ("errors" in r ? (r.errors as { code: string }[]).map((e) => e.code) : []);

let sequence = 0;

/** An asset owned by Liverpool City Council unless told otherwise, in Liverpool unless `placeCode` says. */
export async function makeAsset(db: DataSource, o: Partial<AssetDetails> & { placeCode?: string } = {}): Promise<Asset> {
  const { placeCode, ...details } = o;
  const owner = details.ownerOrganisationId ? {} : { publicBodyOwner: details.publicBodyOwner ?? "Liverpool City Council" };
  return ok(await new RegisterService(db).register(asAdmin, {
    name: `Test Asset ${++sequence}`, kind: AssetKind.BUILDING, placeId: await placeId(db, placeCode ?? "E08000012"), ...owner, ...details,
  })).asset;
}

/** A person who owns a new organisation (a CIC: an eligible community body), as a viewer for services. */
export async function organisationWithOwner(db: DataSource, o: { name?: string; legalForm?: LegalForm } = {}): Promise<{ organisationId: string; viewer: Viewer }> {
  const user = await makeUser(db);
  const organisation = await makeOrganisation(db, { ...(o.name ? { name: o.name } : {}), legalForm: o.legalForm ?? LegalForm.CIC_LIMITED_BY_GUARANTEE });
  await db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [user.id, organisation.id]);
  return { organisationId: organisation.id, viewer: viewerWith({ userId: user.id, memberships: [[organisation.id, OrganisationRole.OWNER]] }) };
}

/** An asset listed as an Asset of Community Value on `listedOn` (nominated the same day by a new community body). */
export async function listedAsset(db: DataSource, listedOn: string, o: Partial<AssetDetails> = {}): Promise<{ asset: Asset; listing: AcvListing }> {
  const asset = await makeAsset(db, o);
  const body = await makeOrganisation(db, { legalForm: LegalForm.COMMUNITY_BENEFIT_SOCIETY });
  const acv = new AcvService(db, on(listedOn));
  const nominated = ok(await acv.nominate(asAdmin, { assetId: asset.id, organisationId: body.id, reason: "A pub at the heart of the street." })).listing;
  const { listing } = ok(await acv.decide(asAdmin, nominated.id, { expectedVersion: nominated.version, list: true }));
  return { asset, listing };
}

/** A case for `asset` to a new organisation, moved by ADMIN to `stage` one day at a time from `startedOn`. */
export async function transferAt(
  db: DataSource, asset: Asset, stage: TransferStage, o: { toOrganisationId?: string; startedOn?: string; tenure?: Tenure; leaseTermYears?: number } = {},
): Promise<AssetTransfer> {
  const startedOn = o.startedOn ?? "2025-01-06";
  const toOrganisationId = o.toOrganisationId ?? (await makeOrganisation(db)).id;
  const tenure = o.tenure ?? Tenure.LEASE;
  const service = new TransfersService(db, on("2026-12-01"));
  let { transfer } = ok(await service.start(asAdmin, {
    assetId: asset.id, toOrganisationId, startedOn, tenure, leaseTermYears: tenure === Tenure.LEASE ? (o.leaseTermYears ?? 125) : null,
    marketValuePence: 25_000_000, considerationPence: 100,
  }));
  const path = [TransferStage.BUSINESS_CASE, TransferStage.DUE_DILIGENCE, TransferStage.HEADS_OF_TERMS, TransferStage.COMPLETED, TransferStage.HANDED_OVER];
  const route = stage === TransferStage.WITHDRAWN ? [TransferStage.WITHDRAWN] : path.slice(0, path.indexOf(stage) + 1);
  for (const [i, next] of route.entries()) {
    transfer = ok(await service.move(asAdmin, transfer.id, { expectedVersion: transfer.version, stage: next, on: addDays(startedOn, i + 1) })).transfer;
  }
  return transfer;
}

/** Rows in the module's tables and the audit and event logs: a refusal leaves every count as it was. */
export async function assetRowCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = ["asset", "asset_valuation", "asset_transfer", "asset_transfer_stage", "acv_listing", "acv_disposal_notice",
    "acv_intent_to_bid", "acv_disposal", "audit_event", "domain_event"];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (await db.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  return counts;
}
