// The vocabularies of community decisions: kinds of process, their lifecycle, whether an outcome binds, what a ballot is
// on, how a vote is cast, what a count found, and the groups and barriers participants may choose to report.
import { registerEnumType } from "type-graphql";

export enum DecisionProcessKind {
  PARTICIPATORY_BUDGET = "PARTICIPATORY_BUDGET",
  BALLOT = "BALLOT",
  PANEL = "PANEL",
}
registerEnumType(DecisionProcessKind, {
  name: "DecisionProcessKind",
  description: "PARTICIPATORY_BUDGET: residents hear pitches and vote on how a pot is spent. BALLOT: residents vote yes or no on a proposal "
    + "(an asset transfer or a housing scheme). PANEL: a fund round's peer panel decides, under power delegated to it.",
});

export enum DecisionProcessStatus {
  DRAFT = "DRAFT",
  OPEN = "OPEN",
  DECLARED = "DECLARED",
}
registerEnumType(DecisionProcessStatus, {
  name: "DecisionProcessStatus",
  description: "DRAFT (rules, thresholds and pitches still change) → OPEN (rules fixed; voting between opensAt and closesAt) → DECLARED (counted; the result stands).",
});

export enum DecisionEffect {
  BINDING = "BINDING",
  ADVISORY = "ADVISORY",
}
registerEnumType(DecisionEffect, {
  name: "DecisionEffect",
  description: "BINDING: the outcome is acted on as decided (a participatory budget's awards are made; a rejected transfer does not complete). ADVISORY: the outcome informs whoever holds the power.",
});

export enum ProposalKind {
  ASSET_TRANSFER = "ASSET_TRANSFER",
  HOUSING_SCHEME = "HOUSING_SCHEME",
}
registerEnumType(ProposalKind, { name: "BallotProposalKind", description: "What a resident ballot is on." });

export enum BallotChoice {
  YES = "YES",
  NO = "NO",
}
registerEnumType(BallotChoice, { name: "BallotChoice" });

export enum DecisionOutcome {
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  FUNDED = "FUNDED",
  NOTHING_FUNDED = "NOTHING_FUNDED",
  RECORDED = "RECORDED",
}
registerEnumType(DecisionOutcome, {
  name: "DecisionProcessOutcome",
  description: "A ballot is APPROVED when both thresholds are met, otherwise REJECTED; a participatory budget FUNDED its most-voted pitches "
    + "that fit the pot (NOTHING_FUNDED without votes); a panel's decisions are RECORDED from the fund round.",
});

export enum ParticipantGroup {
  AGED_UNDER_25 = "AGED_UNDER_25",
  AGED_65_OR_OVER = "AGED_65_OR_OVER",
  DISABLED = "DISABLED",
  CARER = "CARER",
  ETHNIC_MINORITY = "ETHNIC_MINORITY",
  SOCIAL_HOUSING_TENANT = "SOCIAL_HOUSING_TENANT",
}
registerEnumType(ParticipantGroup, {
  name: "ParticipantGroup",
  description: "Groups a participant may choose to say they belong to, so the network can see who takes part and who is missing. Never required.",
});

export enum ParticipationBarrier {
  CARING_DUTIES = "CARING_DUTIES",
  HOURS = "HOURS",
  ACCESS = "ACCESS",
  LANGUAGE = "LANGUAGE",
  DIGITAL = "DIGITAL",
  OTHER = "OTHER",
}
registerEnumType(ParticipationBarrier, { name: "ParticipationBarrier", description: "What made taking part hard, as participants report it." });
