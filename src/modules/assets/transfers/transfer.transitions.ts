// The transfer case lifecycle: one stage at a time from INTEREST to HANDED_OVER, or WITHDRAWN before completion. Each
// move is audited, kept in the stage history with its day and who moved it, and recorded as transfer.stageChanged.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, checkMove, Lifecycle } from "../../../kit/lifecycle";
import type { Refusal } from "../../../kit/refusals";
import { TransferStage as S } from "../assets.enums";
import { assetEvents } from "../assets.events";
import { AssetTransfer } from "./transfer.entity";
import { TransferStageChange } from "./transfer-stage.entity";

export const TRANSFER_MOVES: Record<S, readonly S[]> = {
  INTEREST: [S.BUSINESS_CASE, S.WITHDRAWN],
  BUSINESS_CASE: [S.DUE_DILIGENCE, S.WITHDRAWN],
  DUE_DILIGENCE: [S.HEADS_OF_TERMS, S.WITHDRAWN],
  HEADS_OF_TERMS: [S.COMPLETED, S.WITHDRAWN],
  COMPLETED: [S.HANDED_OVER],
  HANDED_OVER: [],
  WITHDRAWN: [],
};

const TRANSFER_LIFECYCLE: Lifecycle<S> = {
  noun: "A transfer case", entityType: "AssetTransfer", auditAs: "transfer", moves: TRANSFER_MOVES, attribute: "stage",
};

/** Null when the case may move to `to`; otherwise the WRONG_STATUS refusal naming the moves it may make. */
export function transferMoveProblem(transfer: AssetTransfer, to: S): Refusal | null {
  return checkMove(TRANSFER_LIFECYCLE, transfer.stage, to);
}

/** Writes a stage the case reached to its history and tells whoever follows transfers. */
export async function recordStage(
  m: EntityManager, actor: Actor, transfer: AssetTransfer, from: S | null, on: string, note: string | null,
): Promise<void> {
  await m.save(m.create(TransferStageChange, { transferId: transfer.id, stage: transfer.stage, movedOn: on, movedBy: actor.viewer.userId, note }));
  await assetEvents.transferStageChanged(m, actor, {
    transferId: transfer.id, assetId: transfer.assetId, toOrganisationId: transfer.toOrganisationId, from, to: transfer.stage, on,
  });
}

/** Moves the case to `to` on `on` (with `changes`, e.g. completedOn), audited and kept in its history. */
export async function moveTransfer(
  m: EntityManager, actor: Actor, transfer: AssetTransfer, to: S, on: string, note: string | null, changes: Partial<AssetTransfer> = {},
): Promise<AssetTransfer> {
  const from = transfer.stage;
  const moved = await applyMove(m, actor, TRANSFER_LIFECYCLE, transfer, to, changes, { after: { on, note } });
  await recordStage(m, actor, moved, from, on, note);
  return moved;
}
