// Community asset transfer cases: express interest, agree terms, move stage by stage; completing one puts the asset
// in community hands (its holder and tenure follow the transfer, and a freehold makes the organisation its owner).
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction } from "../../../db/transaction";
import { InputChecks } from "../../../kit/input-checks";
import { allowedFirst, lockRecord, requireVersion, saveChange } from "../../../kit/records";
import { notAllowed, refuse, refuseAll, Result } from "../../../kit/refusals";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { londonDate } from "../../../kit/calendar";
import { organisationsApi } from "../../organisations/organisations.api";
import { mayActAtAll, transferAccess } from "../access";
import { AssetOwnerKind, OPEN_TRANSFER_STAGES, Tenure, TransferStage } from "../assets.enums";
import { assetEvents } from "../assets.events";
import { Asset } from "../register/asset.entity";
import { assetSnapshot } from "../register/register.service";
import { MAX_VALUE_PENCE } from "../register/asset-rules";
import { AssetTransfer } from "./transfer.entity";
import { TransferStageChange } from "./transfer-stage.entity";
import { moveTransfer, recordStage, transferMoveProblem } from "./transfer.transitions";
import { completionRefusals } from "./completion-checks";

export type TransferResult = Result<{ transfer: AssetTransfer; asset: Asset }>;

/** The terms of a transfer; omitted fields stay as they are, null clears. */
export interface TransferTerms {
  tenure?: Tenure | null;
  leaseTermYears?: number | null;
  marketValuePence?: number | null;
  considerationPence?: number | null;
  assetLock?: boolean | null;
  overage?: boolean | null;
  userClause?: string | null;
}

export interface NewTransfer {
  assetId: string;
  toOrganisationId: string;
  startedOn?: string | null;
  note?: string | null;
}

export interface TransferMove {
  expectedVersion: number;
  stage: TransferStage;
  on?: string | null;
  note?: string | null;
}

/** A lease runs for 1 to 999 years: no lease of 0 years, and 1,000 years is a freehold in all but name. */
export const LEASE_YEARS = { min: 1, max: 999 };
const NOTE_LIMIT = 2000;

type Terms = Pick<AssetTransfer, "tenure" | "leaseTermYears" | "marketValuePence" | "considerationPence" | "assetLock" | "overage" | "userClause">;

/** A new case's terms: nothing agreed yet. */
const NO_TERMS: Terms = { tenure: null, leaseTermYears: null, marketValuePence: null, considerationPence: null, assetLock: false, overage: false, userClause: null };

const termsOf = (t: AssetTransfer): Terms => ({
  tenure: t.tenure, leaseTermYears: t.leaseTermYears, marketValuePence: t.marketValuePence, considerationPence: t.considerationPence,
  assetLock: t.assetLock, overage: t.overage, userClause: t.userClause,
});

/** The lease term a tenure takes: required for a LEASE, and none for a licence or freehold. */
export function checkLeaseTerm(c: InputChecks, field: string, tenure: Tenure | null, years: number | null): void {
  if (tenure === Tenure.LEASE) {
    if (years === null) c.add(field, "REQUIRED", "Give the lease's term in years.");
    else if (!Number.isInteger(years) || years < LEASE_YEARS.min || years > LEASE_YEARS.max) {
      c.add(field, "LEASE_TERM_OUT_OF_RANGE", `A lease runs for ${LEASE_YEARS.min} to ${LEASE_YEARS.max} years (125 is typical).`);
    }
  } else if (years !== null) c.add(field, "NOT_FOR_TENURE", "Only a lease has a term in years.");
}

/** The terms after `input` is applied to `current`, checked together (a value depends on the others). */
function checkTerms(c: InputChecks, current: Terms, input: TransferTerms): Terms {
  const next = { ...current };
  for (const key of Object.keys(next) as (keyof Terms)[]) {
    if (input[key] !== undefined) (next as Record<string, unknown>)[key] = input[key];
  }
  next.assetLock = next.assetLock ?? false;
  next.overage = next.overage ?? false;
  // A tenure changed away from LEASE takes its term with it unless one is given again.
  if (input.tenure !== undefined && input.tenure !== Tenure.LEASE && input.leaseTermYears === undefined) next.leaseTermYears = null;
  checkLeaseTerm(c, "leaseTermYears", next.tenure, next.leaseTermYears);
  c.pence("marketValuePence", next.marketValuePence, { min: 0, max: MAX_VALUE_PENCE, label: "market value" });
  c.pence("considerationPence", next.considerationPence, { min: 0, max: MAX_VALUE_PENCE, label: "consideration" });
  if (next.marketValuePence !== null && next.considerationPence !== null && next.considerationPence > next.marketValuePence) {
    c.add("considerationPence", "ABOVE_MARKET_VALUE", "A community asset transfer is at or below market value: the consideration cannot exceed it.");
  }
  if (input.userClause !== undefined) next.userClause = c.text("userClause", input.userClause, { max: NOTE_LIMIT, label: "user clause" }) ?? null;
  return next;
}

function noteOf(c: InputChecks, note: string | null | undefined): string | null {
  return c.text("note", note, { max: NOTE_LIMIT }) ?? null;
}

const cannotAct = notAllowed("Only ADMIN and those acting for the organisations in a transfer case act on it.");

export class TransfersService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  /** An organisation expresses interest in an asset: a new case at INTEREST, from whoever owns the asset now. */
  async start(actor: Actor, input: NewTransfer & TransferTerms): Promise<TransferResult> {
    if (!transferAccess.start(actor.viewer, input.toOrganisationId)) {
      return { errors: [notAllowed("Express interest for an organisation you own or edit (ADMIN for any).")] };
    }
    return inTransaction(this.db, async (m) => {
      const asset = await lockRecord(m, Asset, input.assetId, { noun: "asset", field: "assetId" });
      const c = new InputChecks();
      const startedOn = input.startedOn ?? this.today();
      c.pastDay("startedOn", startedOn, this.today());
      const note = noteOf(c, input.note);
      const terms = checkTerms(c, NO_TERMS, input);
      const to = (await organisationsApi.byIds(m, [input.toOrganisationId])).get(input.toOrganisationId);
      if (!to) c.add("toOrganisationId", "NOT_FOUND", "No organisation has that ID.");
      else if (to.archivedAt) c.add("toOrganisationId", "ARCHIVED", "That organisation is archived.");
      else if (asset.ownerOrganisationId === to.id) c.add("toOrganisationId", "ALREADY_OWNER", "That organisation already owns the asset.");
      if (!c.ok) refuseAll(c.errors);
      const [open] = await m.query("SELECT id FROM asset_transfer WHERE asset_id = $1 AND stage = ANY($2)", [asset.id, OPEN_TRANSFER_STAGES]);
      if (open) refuse("assetId", "OPEN_TRANSFER_EXISTS", "This asset already has a transfer case in progress: one case is worked on at a time.");
      const transfer = await m.save(m.create(AssetTransfer, {
        assetId: asset.id, toOrganisationId: input.toOrganisationId, startedOn, ...terms,
        fromPublicBody: asset.publicBodyOwner, fromOrganisationId: asset.ownerOrganisationId,
      }));
      await audit.record(m, actor, {
        action: "transfer.start", entityType: "AssetTransfer", entityId: transfer.id,
        after: { assetId: asset.id, toOrganisationId: transfer.toOrganisationId, fromPublicBody: transfer.fromPublicBody, fromOrganisationId: transfer.fromOrganisationId, startedOn, ...terms },
      });
      await recordStage(m, actor, transfer, null, startedOn, note);
      return { transfer, asset };
    });
  }

  /** Tenure, lease term, market value, consideration and conditions, until the transfer completes. */
  async setTerms(actor: Actor, transferId: string, input: TransferTerms & { expectedVersion: number }): Promise<TransferResult> {
    return this.onCase(actor, transferId, input.expectedVersion, async (m, transfer, asset) => {
      if (!OPEN_TRANSFER_STAGES.includes(transfer.stage)) {
        refuse(null, WRONG_STATUS, `The terms of a case that is ${transfer.stage} no longer change.`);
      }
      const c = new InputChecks();
      const before = termsOf(transfer);
      const terms = checkTerms(c, before, input);
      if (!c.ok) refuseAll(c.errors);
      await saveChange(m, actor, Object.assign(transfer, terms), { action: "transfer.terms", before, after: terms });
      return { transfer, asset };
    });
  }

  /** Moves the case one stage on (or withdraws it). Completing it puts the asset in the organisation's hands. */
  async move(actor: Actor, transferId: string, input: TransferMove): Promise<TransferResult> {
    return this.onCase(actor, transferId, input.expectedVersion, async (m, transfer, asset) => {
      const completing = input.stage === TransferStage.COMPLETED || input.stage === TransferStage.HANDED_OVER;
      if (!(completing ? transferAccess.complete : transferAccess.work)(actor.viewer, transfer)) {
        refuseAll([completing
          ? notAllowed("Completion and handover are recorded by the side giving up the asset: ADMIN, or those acting for the transferring organisation.")
          : cannotAct]);
      }
      const problem = transferMoveProblem(transfer, input.stage);
      if (problem) refuseAll([{ ...problem, field: ["stage"] }]);
      const c = new InputChecks();
      const on = input.on ?? this.today();
      const [last] = await m.find(TransferStageChange, { where: { transferId }, order: { recordedAt: "DESC" }, take: 1 });
      c.pastDay("on", on, this.today(), { day: last.movedOn, what: `the case reached ${last.stage}` });
      const note = noteOf(c, input.note);
      if (input.stage === TransferStage.COMPLETED) {
        this.checkCompletion(c, transfer, asset, on);
        c.errors.push(...await completionRefusals(m, transfer));
      }
      if (!c.ok) refuseAll(c.errors);
      if (input.stage !== TransferStage.COMPLETED) return { transfer: await moveTransfer(m, actor, transfer, input.stage, on, note), asset };
      const completed = await moveTransfer(m, actor, transfer, TransferStage.COMPLETED, on, note, { completedOn: on });
      return { transfer: completed, asset: await this.putInCommunityHands(m, actor, completed, asset, on) };
    });
  }

  /** What completing needs: agreed terms, the asset still owned by the side giving it up, and days in order. */
  private checkCompletion(c: InputChecks, transfer: AssetTransfer, asset: Asset, on: string): void {
    const missing = (["tenure", "marketValuePence", "considerationPence"] as const).filter((k) => transfer[k] === null);
    if (missing.length) c.add(null, "TERMS_REQUIRED", `Agree the terms before completing: ${missing.join(", ")} still to set.`);
    if (transfer.fromOrganisationId !== asset.ownerOrganisationId || transfer.fromPublicBody !== asset.publicBodyOwner) {
      c.add(null, "OWNER_CHANGED", "The asset has changed hands since this case started; start a new case with its owner now.");
    }
    if (asset.transferredOn && on < asset.transferredOn) {
      c.add("on", "BEFORE_PREVIOUS_TRANSFER", `The asset last changed hands on ${asset.transferredOn}; a transfer completing before that would not be the latest.`);
    }
  }

  /** The asset's holder, tenure and lease term follow the completed transfer; a freehold makes the organisation its owner. */
  private async putInCommunityHands(m: EntityManager, actor: Actor, transfer: AssetTransfer, asset: Asset, on: string): Promise<Asset> {
    const before = assetSnapshot(asset);
    Object.assign(asset, {
      communityHolderId: transfer.toOrganisationId, tenure: transfer.tenure, leaseTermYears: transfer.leaseTermYears, transferredOn: on,
      ...(transfer.tenure === Tenure.FREEHOLD
        ? { ownerKind: AssetOwnerKind.ORGANISATION, ownerOrganisationId: transfer.toOrganisationId, publicBodyOwner: null }
        : {}),
    });
    const saved = await saveChange(m, actor, asset, { action: "asset.transferred", before, after: { ...assetSnapshot(asset), transferId: transfer.id } });
    await assetEvents.transferCompleted(m, actor, {
      transferId: transfer.id, assetId: asset.id, organisationId: transfer.toOrganisationId, tenure: transfer.tenure!,
      leaseTermYears: transfer.leaseTermYears, marketValuePence: transfer.marketValuePence!, considerationPence: transfer.considerationPence!, on,
    });
    return saved;
  }

  /**
   * Runs `work` on a case locked with its asset (asset first, so a completion and another change never deadlock). Who
   * cannot act on any case is refused before anything is read; who may act is asked before anything is locked
   * (kit/records `allowedFirst`), and a case that does not exist is refused like one the viewer may not act on (only
   * ADMIN learns it is missing), so cases in negotiation stay private.
   */
  private onCase(actor: Actor, transferId: string, expectedVersion: number,
    work: (m: EntityManager, transfer: AssetTransfer, asset: Asset) => Promise<{ transfer: AssetTransfer; asset: Asset }>): Promise<TransferResult> {
    if (!mayActAtAll(actor.viewer)) return Promise.resolve({ errors: [cannotAct] });
    return inTransaction(this.db, async (m) => {
      const found = await allowedFirst(m, actor, AssetTransfer, transferId, {
        allows: (_m, a, t) => transferAccess.work(a.viewer, t), refusal: cannotAct.message,
      }, { noun: "transfer case", field: "transferId" });
      const asset = await lockRecord(m, Asset, found.assetId, { noun: "asset" });
      const transfer = await lockRecord(m, AssetTransfer, transferId, { noun: "transfer case", field: "transferId" });
      requireVersion(transfer, expectedVersion, "transfer case");
      return work(m, transfer, asset);
    });
  }
}
