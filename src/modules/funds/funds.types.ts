// API types of the funds module that are not tables: the connections and the mutation payloads.
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";
import { FundingApplication } from "./application.entity";
import { PanelView } from "./panel-view.entity";
import { Agreement } from "./agreement.entity";
import { RepaymentSchedule } from "./schedule.entity";
import { SocialRepaymentClaim } from "./social-claim.entity";
import { Contribution } from "./ledger/contribution.entity";
import { FundMovement } from "./ledger/movement";

export const FundConnection = ConnectionType(Fund, "Fund");
export const FundingApplicationConnection = ConnectionType(FundingApplication, "FundingApplication");
export const AgreementConnection = ConnectionType(Agreement, "Agreement");

export const FundPayload = PayloadType("FundPayload", { fund: () => Fund });
export type FundPayload = InstanceType<typeof FundPayload>;
export const ContributionPayload = PayloadType("ContributionPayload", { contribution: () => Contribution });
export type ContributionPayload = InstanceType<typeof ContributionPayload>;
export const FundRoundPayload = PayloadType("FundRoundPayload", { round: () => FundRound });
export type FundRoundPayload = InstanceType<typeof FundRoundPayload>;
export const FundingApplicationPayload = PayloadType("FundingApplicationPayload", { application: () => FundingApplication });
export type FundingApplicationPayload = InstanceType<typeof FundingApplicationPayload>;
export const PanelViewPayload = PayloadType("PanelViewPayload", { view: () => PanelView, application: () => FundingApplication });
export type PanelViewPayload = InstanceType<typeof PanelViewPayload>;
export const DecisionPayload = PayloadType("DecisionPayload", { application: () => FundingApplication, agreement: () => Agreement },
  "The decided application and, for an offer, the agreement it created.");
export type DecisionPayload = InstanceType<typeof DecisionPayload>;
export const AgreementPayload = PayloadType("AgreementPayload", { agreement: () => Agreement });
export type AgreementPayload = InstanceType<typeof AgreementPayload>;
export const FundMovementPayload = PayloadType("FundMovementPayload", { movement: () => FundMovement, agreement: () => Agreement },
  "The money moved and the agreement as it now stands.");
export type FundMovementPayload = InstanceType<typeof FundMovementPayload>;
export const SocialRepaymentClaimPayload = PayloadType("SocialRepaymentClaimPayload", {
  claim: () => SocialRepaymentClaim, agreement: () => Agreement,
});
export type SocialRepaymentClaimPayload = InstanceType<typeof SocialRepaymentClaimPayload>;
export const ReschedulePayload = PayloadType("ReschedulePayload", { agreement: () => Agreement, schedule: () => RepaymentSchedule });
export type ReschedulePayload = InstanceType<typeof ReschedulePayload>;
