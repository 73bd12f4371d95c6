// Who may read community assets (see graphql/access-policy.ts and access.ts): the register, listings and completed
// transfers are public record (partner keys need read:public); a case in negotiation or withdrawn is for the members of
// either party, ADMIN and ANALYST.
import { AccessPolicy, Asker, Facts, hasRole, isAdmin, memberOf, peopleOr } from "../../graphql/access-policy";

const readsRegister = peopleOr("read:public");
const seesTransfer = (a: Asker, t: Facts) => readsRegister(a, t, () => ({}))
  && (isAdmin(a) || hasRole("ANALYST")(a) || ["COMPLETED", "HANDED_OVER"].includes(t.stage)
    || memberOf(a, t.toOrganisation.id) || memberOf(a, t.fromOrganisation?.id));

export const assetsPolicy: AccessPolicy = {
  RegionSummary: { part: "assets" },
  AssetRegionFigures: { part: "transfersCompleted communityGain assetsListed moratoriaLive assetsHeld" },
  Asset: {
    see: readsRegister,
    fields: "id name kind address postcode uprn titleNumber place floorAreaSqm conditionNotes ownerKind ownerOrganisation"
      + " publicBodyOwner communityHolder tenure leaseTermYears transferredOn valueAtTransfer latestValuation valuations"
      + " upliftSinceTransfer transfers acvListing acvListings createdAt updatedAt version",
  },
  AssetValuation: { part: "amount basis valuer valuedOn recordedAt" },
  AssetTransfer: {
    see: seesTransfer,
    fields: "id asset toOrganisation fromOrganisation fromPublicBody stage startedOn completedOn tenure leaseTermYears"
      + " marketValue consideration communityGain conditions stageHistory createdAt updatedAt version",
  },
  TransferConditions: { part: "assetLock overage userClause" },
  TransferStageChange: { part: "stage movedOn movedBy note recordedAt" },
  AcvListing: {
    see: readsRegister,
    fields: "id asset nominatedBy nominatedOn nominationReason decidedOn decisionReason status listedOn expiresOn state"
      + " notices moratoriumEndsOn protectedUntil disposals createdAt updatedAt version",
  },
  AcvDisposalNotice: { part: "noticeOn recordedAt interimEndsOn fullEndsOn moratoriumEndsOn protectedUntil intentsToBid" },
  AcvIntentToBid: { part: "organisation requestedOn recordedAt" },
  AcvDisposal: { part: "disposedOn buyer exemption reason recordedAt" },
  AssetUplift: { part: "assets valueAtTransfer currentValue uplift revalued" },
  PlaceAssetUplift: { part: "place assets valueAtTransfer currentValue uplift revalued" },
  Organisation: { extends: true, fields: "assets assetUplift" },
  Query: {
    extends: true,
    fields: "assets assetTransfers",
    restricted: { assetUplift: readsRegister },
    args: { assetUplift: '(placeIds: ["$region"])' },
  },
};
