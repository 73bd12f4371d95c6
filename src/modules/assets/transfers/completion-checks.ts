// An extension point for rules other modules hold over a transfer's completion (e.g. a binding resident ballot that
// rejected it): they contribute a check in their KithModule, and completing a transfer asks every one, so this module
// never imports theirs.
import type { EntityManager } from "typeorm";
import { ExtensionPoint } from "../../../kit/extension-point";
import type { Refusal } from "../../../kit/refusals";

export interface TransferCompletionCheck {
  name: string;
  /** A refusal when the transfer may not complete, null when it may; runs in the completion's transaction. */
  check(m: EntityManager, transfer: { id: string; assetId: string; toOrganisationId: string }): Promise<Refusal | null>;
}

export const transferCompletionChecks = new ExtensionPoint<TransferCompletionCheck>("assets.transferCompletionChecks");

/** Every contributed check's refusal for this transfer (none when it may complete). */
export async function completionRefusals(m: EntityManager, transfer: { id: string; assetId: string; toOrganisationId: string }): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  for (const c of transferCompletionChecks.values()) {
    const r = await c.check(m, transfer);
    if (r) refusals.push(r);
  }
  return refusals;
}
