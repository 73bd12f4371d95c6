// The asset register's use cases: register an asset, change its record, and value it. Who holds it and on what tenure
// is not edited here: completed transfers set it (transfers.service.ts).
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction } from "../../../db/transaction";
import { InputChecks } from "../../../kit/input-checks";
import { ActRule, allowedFirst, lockForEdit, saveChange } from "../../../kit/records";
import { notAllowed, refuseAll, Result } from "../../../kit/refusals";
import { londonDate } from "../../../kit/calendar";
import { placesApi } from "../../places/places.api";
import { organisationsApi } from "../../organisations/organisations.api";
import { assetAccess, mayActAtAll } from "../access";
import { AssetKind, AssetOwnerKind, ValuationBasis } from "../assets.enums";
import { Asset } from "./asset.entity";
import { AssetValuation } from "./valuation.entity";
import { ASSET_LIMITS, checkPostcode, checkTitleNumber, checkUprn, MAX_VALUE_PENCE } from "./asset-rules";

export type AssetResult = Result<{ asset: Asset }>;
export type ValuationResult = Result<{ asset: Asset; valuation: AssetValuation }>;

/** What describes an asset; on a change, omitted fields stay as they are and null clears what may be empty. */
export interface AssetDetails {
  name?: string | null;
  kind?: AssetKind | null;
  address?: string | null;
  postcode?: string | null;
  placeId?: string | null;
  uprn?: string | null;
  titleNumber?: string | null;
  conditionNotes?: string | null;
  floorAreaSqm?: number | null;
  /** Exactly one of these names the owner. */
  publicBodyOwner?: string | null;
  ownerOrganisationId?: string | null;
}

export interface NewValuation {
  valuedOn: string;
  basis: ValuationBasis;
  amountPence: number;
  valuer: string;
}

const OWNER_FIELDS = ["publicBodyOwner", "ownerOrganisationId"] as const;

/** The audited fields of an asset. */
export const assetSnapshot = (a: Asset) => ({
  name: a.name, kind: a.kind, address: a.address, postcode: a.postcode, placeId: a.placeId, uprn: a.uprn, titleNumber: a.titleNumber,
  ownerKind: a.ownerKind, publicBodyOwner: a.publicBodyOwner, ownerOrganisationId: a.ownerOrganisationId, conditionNotes: a.conditionNotes,
  floorAreaSqm: a.floorAreaSqm, communityHolderId: a.communityHolderId, tenure: a.tenure, leaseTermYears: a.leaseTermYears, transferredOn: a.transferredOn,
});

/** Checks the details given and returns them as columns (only those given). */
async function checkDetails(c: InputChecks, m: EntityManager, input: AssetDetails, creating: boolean): Promise<Partial<Asset>> {
  const out: Partial<Asset> = {};
  if (creating || input.name !== undefined) out.name = c.text("name", input.name, { max: ASSET_LIMITS.name, required: true }) ?? "";
  if (creating || input.kind !== undefined) {
    if (!input.kind) c.add("kind", "REQUIRED", "Say what kind of asset it is.");
    else out.kind = input.kind;
  }
  if (input.address !== undefined) out.address = c.text("address", input.address, { max: ASSET_LIMITS.address }) ?? null;
  if (input.conditionNotes !== undefined) out.conditionNotes = c.text("conditionNotes", input.conditionNotes, { max: ASSET_LIMITS.conditionNotes, label: "condition notes" }) ?? null;
  if (input.postcode !== undefined) out.postcode = checkPostcode(c, input.postcode) ?? null;
  if (input.uprn !== undefined) out.uprn = checkUprn(c, input.uprn) ?? null;
  if (input.titleNumber !== undefined) out.titleNumber = checkTitleNumber(c, input.titleNumber) ?? null;
  if (input.floorAreaSqm !== undefined) {
    c.int("floorAreaSqm", input.floorAreaSqm, 1, ASSET_LIMITS.floorAreaSqm);
    out.floorAreaSqm = input.floorAreaSqm;
  }
  if (creating || input.placeId !== undefined) {
    if (!input.placeId) c.add("placeId", "REQUIRED", "Say where the asset is.");
    else if (!(await placesApi.existing(m, [input.placeId])).has(input.placeId)) c.add("placeId", "UNKNOWN_PLACE", "No place has that ID.");
    else out.placeId = input.placeId;
  }
  if (out.uprn) {
    const [taken] = await m.query("SELECT id FROM asset WHERE uprn = $1", [out.uprn]);
    if (taken) c.add("uprn", "UPRN_TAKEN", "Another asset in the register has that UPRN.");
  }
  if (creating || OWNER_FIELDS.some((f) => input[f] !== undefined)) Object.assign(out, await checkOwner(c, m, input));
  return out;
}

/** Exactly one owner: a public body named in words, or an organisation in the register that is not archived. */
async function checkOwner(c: InputChecks, m: EntityManager, input: AssetDetails): Promise<Partial<Asset>> {
  const publicBody = c.text("publicBodyOwner", input.publicBodyOwner, { max: ASSET_LIMITS.publicBodyOwner, label: "public body" });
  const organisationId = input.ownerOrganisationId ?? null;
  if (!publicBody === !organisationId) {
    c.add("publicBodyOwner", "ONE_OWNER", "Name the owner once: a public body (e.g. Liverpool City Council) or an organisation in the register.");
    return {};
  }
  if (organisationId) {
    const organisation = (await organisationsApi.byIds(m, [organisationId])).get(organisationId);
    if (!organisation) c.add("ownerOrganisationId", "NOT_FOUND", "No organisation has that ID.");
    else if (organisation.archivedAt) c.add("ownerOrganisationId", "ARCHIVED", "That organisation is archived.");
    return { ownerKind: AssetOwnerKind.ORGANISATION, ownerOrganisationId: organisationId, publicBodyOwner: null };
  }
  return { ownerKind: AssetOwnerKind.PUBLIC_BODY, publicBodyOwner: publicBody!, ownerOrganisationId: null };
}

const cannotEdit = notAllowed("Only ADMIN and those acting for the asset's owner or community holder change its record or value it.");

/** Changing or valuing an asset: asked before anything is locked (kit/records `allowedFirst`). */
const editsAsset: ActRule<Asset> = { allows: (_m, actor, asset) => assetAccess.edit(actor.viewer, asset), refusal: cannotEdit.message };
const ASSET = { noun: "asset", field: "assetId" };

export class RegisterService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async register(actor: Actor, input: AssetDetails): Promise<AssetResult> {
    if (!assetAccess.register(actor.viewer, input.ownerOrganisationId ?? null)) {
      return { errors: [notAllowed("Only ADMIN registers assets, and owners and editors of an organisation the assets it owns.")] };
    }
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const details = await checkDetails(c, m, input, true);
      if (!c.ok) refuseAll(c.errors);
      const asset = await m.save(m.create(Asset, details));
      await audit.record(m, actor, { action: "asset.register", entityType: "Asset", entityId: asset.id, after: assetSnapshot(asset) });
      return { asset };
    });
  }

  async update(actor: Actor, assetId: string, input: AssetDetails & { expectedVersion: number }): Promise<AssetResult> {
    if (!mayActAtAll(actor.viewer)) return { errors: [cannotEdit] };
    return inTransaction(this.db, async (m) => {
      const asset = await lockForEdit(m, Asset, assetId, input.expectedVersion, { ...ASSET, actor, rule: editsAsset });
      if (OWNER_FIELDS.some((f) => input[f] !== undefined) && !assetAccess.changeOwner(actor.viewer)) {
        refuseAll([notAllowed("Only ADMIN changes who owns an asset; a completed freehold transfer changes it too.")]);
      }
      const c = new InputChecks();
      const changes = await checkDetails(c, m, { ...input, uprn: input.uprn === asset.uprn ? undefined : input.uprn }, false);
      if (!c.ok) refuseAll(c.errors);
      const before = assetSnapshot(asset);
      await saveChange(m, actor, Object.assign(asset, changes), { action: "asset.update", before, after: assetSnapshot(asset) });
      return { asset };
    });
  }

  /** A valuation is a fact of its day: recorded once, never edited (a new valuation supersedes it). */
  async recordValuation(actor: Actor, assetId: string, input: NewValuation): Promise<ValuationResult> {
    if (!mayActAtAll(actor.viewer)) return { errors: [cannotEdit] };
    return inTransaction(this.db, async (m) => {
      const asset = await allowedFirst(m, actor, Asset, assetId, editsAsset, ASSET);
      const c = new InputChecks();
      c.pastDay("valuedOn", input.valuedOn, this.today());
      c.pence("amountPence", input.amountPence, { min: 0, max: MAX_VALUE_PENCE, label: "value" });
      const valuer = c.text("valuer", input.valuer, { max: ASSET_LIMITS.valuer, required: true });
      if (!c.ok) refuseAll(c.errors);
      const valuation = await m.save(m.create(AssetValuation, {
        assetId, valuedOn: input.valuedOn, basis: input.basis, amountPence: input.amountPence, valuer: valuer!, recordedBy: actor.viewer.userId,
      }));
      await audit.record(m, actor, {
        action: "asset.value", entityType: "Asset", entityId: assetId,
        after: { valuationId: valuation.id, valuedOn: input.valuedOn, basis: input.basis, amountPence: input.amountPence, valuer },
      });
      return { asset, valuation };
    });
  }
}
