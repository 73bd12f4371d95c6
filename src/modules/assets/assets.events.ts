// The domain events of community assets: what other modules and partners follow transfers and listings by. Each is
// recorded through domainEvents.record in the transaction of its change; data carries ids, stages, days and pence.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { domainEvents } from "../../events/domain-events";
import type { Tenure, TransferStage } from "./assets.enums";

export const assetEvents = {
  /** A transfer case reached a stage (`from` is null when the case starts with INTEREST). */
  transferStageChanged(m: EntityManager, actor: Actor, d: {
    transferId: string; assetId: string; toOrganisationId: string; from: TransferStage | null; to: TransferStage; on: string;
  }) {
    return domainEvents.record(m, actor, { type: "transfer.stageChanged", subjectType: "AssetTransfer", subjectId: d.transferId, data: d });
  },

  /** The asset passed into community hands: its holder and tenure now follow this transfer. */
  transferCompleted(m: EntityManager, actor: Actor, d: {
    transferId: string; assetId: string; organisationId: string; tenure: Tenure; leaseTermYears: number | null;
    marketValuePence: number; considerationPence: number; on: string;
  }) {
    return domainEvents.record(m, actor, {
      type: "transfer.completed", subjectType: "AssetTransfer", subjectId: d.transferId,
      data: { ...d, communityGainPence: d.marketValuePence - d.considerationPence },
    });
  },

  /** The council listed an Asset of Community Value. */
  acvListed(m: EntityManager, actor: Actor, d: { listingId: string; assetId: string; listedOn: string; expiresOn: string }) {
    return domainEvents.record(m, actor, { type: "acv.listed", subjectType: "AcvListing", subjectId: d.listingId, data: d });
  },

  /** The owner gave notice of intended disposal: community groups have until interimEndsOn to register intent to bid. */
  acvDisposalNotified(m: EntityManager, actor: Actor, d: { listingId: string; assetId: string; noticeOn: string; interimEndsOn: string; protectedUntil: string }) {
    return domainEvents.record(m, actor, { type: "acv.disposalNotified", subjectType: "AcvListing", subjectId: d.listingId, data: d });
  },

  /** A community group registered intent to bid; the first one makes the moratorium a full one. */
  acvIntentToBid(m: EntityManager, actor: Actor, d: { listingId: string; assetId: string; organisationId: string; requestedOn: string; moratoriumEndsOn: string }) {
    return domainEvents.record(m, actor, { type: "acv.intentToBid", subjectType: "AcvListing", subjectId: d.listingId, data: d });
  },
};
