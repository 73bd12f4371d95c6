// The vocabularies of community assets: kinds, owners, tenure, valuation bases, transfer stages and the Assets of
// Community Value clock, as the API names them.
import { registerEnumType } from "type-graphql";

export enum AssetKind {
  LAND = "LAND",
  BUILDING = "BUILDING",
  HOUSING = "HOUSING",
  OTHER = "OTHER",
}
registerEnumType(AssetKind, { name: "AssetKind" });

export enum AssetOwnerKind {
  PUBLIC_BODY = "PUBLIC_BODY",
  ORGANISATION = "ORGANISATION",
}
registerEnumType(AssetOwnerKind, {
  name: "AssetOwnerKind",
  description: "Who holds the freehold: a public body (a council, the NHS, ...) named in words, or an organisation in the register.",
});

export enum Tenure {
  LICENCE = "LICENCE",
  LEASE = "LEASE",
  FREEHOLD = "FREEHOLD",
}
registerEnumType(Tenure, { name: "Tenure", description: "On what terms the community holds an asset: a licence, a lease for a term of years, or the freehold." });

export enum ValuationBasis {
  MARKET_VALUE = "MARKET_VALUE",
  EXISTING_USE_VALUE = "EXISTING_USE_VALUE",
  OTHER = "OTHER",
}
registerEnumType(ValuationBasis, {
  name: "ValuationBasis",
  description: "The basis of a valuation; uplift compares MARKET_VALUE valuations with the market value at transfer.",
});

export enum TransferStage {
  INTEREST = "INTEREST",
  BUSINESS_CASE = "BUSINESS_CASE",
  DUE_DILIGENCE = "DUE_DILIGENCE",
  HEADS_OF_TERMS = "HEADS_OF_TERMS",
  COMPLETED = "COMPLETED",
  HANDED_OVER = "HANDED_OVER",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(TransferStage, {
  name: "TransferStage",
  description: "INTEREST → BUSINESS_CASE → DUE_DILIGENCE (valuation and surveys) → HEADS_OF_TERMS → COMPLETED → HANDED_OVER; WITHDRAWN from any stage before completion.",
});

/** Stages of a case still being worked on: at most one such case per asset. */
export const OPEN_TRANSFER_STAGES: readonly TransferStage[] = [
  TransferStage.INTEREST, TransferStage.BUSINESS_CASE, TransferStage.DUE_DILIGENCE, TransferStage.HEADS_OF_TERMS,
];
/** Stages of a completed transfer: the community holds the asset. */
export const COMPLETED_TRANSFER_STAGES: readonly TransferStage[] = [TransferStage.COMPLETED, TransferStage.HANDED_OVER];

export enum AcvListingStatus {
  NOMINATED = "NOMINATED",
  LISTED = "LISTED",
  NOT_LISTED = "NOT_LISTED",
}
registerEnumType(AcvListingStatus, {
  name: "AcvListingStatus",
  description: "A nomination waits for the council's decision: LISTED (for five years) or NOT_LISTED.",
});

export enum AcvState {
  NOT_LISTED = "NOT_LISTED",
  NOMINATED = "NOMINATED",
  LISTED = "LISTED",
  INTERIM_MORATORIUM = "INTERIM_MORATORIUM",
  FULL_MORATORIUM = "FULL_MORATORIUM",
  PROTECTED_PERIOD = "PROTECTED_PERIOD",
  EXPIRED = "EXPIRED",
}
registerEnumType(AcvState, {
  name: "AcvState",
  description: "Where an Asset of Community Value stands on a day: nominated, listed, in the six-week interim moratorium after the owner's notice, in the full six-month moratorium once a community group registered intent to bid, in the rest of the 18-month protected period (the owner may sell to anyone), or its five years expired.",
});

export enum AcvExemption {
  GIFT = "GIFT",
  FAMILY = "FAMILY",
  ESTATE_OF_DECEASED = "ESTATE_OF_DECEASED",
  PARTNERSHIP = "PARTNERSHIP",
  GOING_CONCERN = "GOING_CONCERN",
  GROUP_COMPANIES = "GROUP_COMPANIES",
  COURT_ORDER = "COURT_ORDER",
  COMPULSORY_PURCHASE = "COMPULSORY_PURCHASE",
  OTHER = "OTHER",
}
registerEnumType(AcvExemption, {
  name: "AcvExemption",
  description: "Why a disposal of a listed asset is exempt from the moratorium (the exempt disposals of the Assets of Community Value Regulations), always with a reason in words.",
});
