// The vocabularies of pay-it-forward funds: statuses, panel stances and conflicts, kinds of movement, as the API names them.
import { registerEnumType } from "type-graphql";
import { MovementKind } from "./ledger/ledger.enums";

export enum FundStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(FundStatus, { name: "FundStatus", description: "A CLOSED fund opens no rounds and makes no offers; its agreements run on." });

export enum RoundStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(RoundStatus, { name: "RoundStatus", description: "An OPEN round takes applications between its opening and closing days." });

export enum ApplicationStatus {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  IN_REVIEW = "IN_REVIEW",
  OFFERED = "OFFERED",
  DECLINED = "DECLINED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ApplicationStatus, { name: "ApplicationStatus" });

export enum AgreementStatus {
  OFFERED = "OFFERED",
  ACTIVE = "ACTIVE",
  REPAID = "REPAID",
  CLOSED = "CLOSED",
  WRITTEN_OFF = "WRITTEN_OFF",
}
registerEnumType(AgreementStatus, {
  name: "AgreementStatus",
  description: "OFFERED until the first disbursement makes it ACTIVE; then REPAID, CLOSED or WRITTEN_OFF.",
});

export enum PanelStance {
  SUPPORT = "SUPPORT",
  SUPPORT_WITH_CHANGES = "SUPPORT_WITH_CHANGES",
  DO_NOT_SUPPORT = "DO_NOT_SUPPORT",
  ABSTAIN = "ABSTAIN",
}
registerEnumType(PanelStance, {
  name: "PanelStance",
  description: "A panel member's view: SUPPORT and SUPPORT_WITH_CHANGES count for an offer, DO_NOT_SUPPORT against; ABSTAIN counts towards quorum only.",
});

export enum MajorityRule {
  SIMPLE_MAJORITY = "SIMPLE_MAJORITY",
  TWO_THIRDS = "TWO_THIRDS",
}
registerEnumType(MajorityRule, {
  name: "MajorityRule",
  description: "What an offer needs of the counted views for and against (abstentions aside): more for than against, or at least two thirds for.",
});

export enum ConflictOfInterest {
  SAME_ORGANISATION = "SAME_ORGANISATION",
  TRADING_RELATIONSHIP = "TRADING_RELATIONSHIP",
  DECLARED = "DECLARED",
}
registerEnumType(ConflictOfInterest, {
  name: "ConflictOfInterest",
  description: "Why a panel member is excluded from the count and from deciding: they belong (or belonged in the last 12 months) to an "
    + "applicant organisation, an organisation of theirs traded or exchanged with one in that time, or they declared a conflict. "
    + "Sharing a cluster is not a conflict (panels are drawn from clusters); it is shown as a connection.",
});

export enum DecisionOutcome {
  OFFER = "OFFER",
  DECLINE = "DECLINE",
}
registerEnumType(DecisionOutcome, { name: "DecisionOutcome" });

export enum ClaimStatus {
  CLAIMED = "CLAIMED",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}
registerEnumType(ClaimStatus, { name: "SocialRepaymentClaimStatus" });

// The ledger's own vocabulary is declared in the ledger (storage imports no GraphQL); the API names it here.
export { MovementKind };
registerEnumType(MovementKind, { name: "FundMovementKind", description: "What a balanced group of ledger postings records." });

export enum PartnerConsent {
  INVITED = "INVITED",
  CONSENTED = "CONSENTED",
  DECLINED = "DECLINED",
}
registerEnumType(PartnerConsent, {
  name: "PartnerConsent",
  description: "Where a partner organisation stands on a collective application: INVITED by the lead, then CONSENTED or DECLINED by its owners or editors.",
});

/** What fundingSummary may be grouped by: the dimensions it shares with impactSummary, keyed the same way (kit/summary-groups.ts). */
export enum FundingGroupBy {
  PLACE = "PLACE",
  YEAR = "YEAR",
  QUARTER = "QUARTER",
}
registerEnumType(FundingGroupBy, {
  name: "FundingGroupBy",
  description: "PLACE: the places just inside those asked (the top-level places when none are), by the recipient organisation's registered place; YEAR and QUARTER of the day the money moved (or the award was made).",
});
