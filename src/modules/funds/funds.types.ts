// API types of the funds module that are not tables: the connections and the mutation payloads.
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { Fund } from "./rounds/fund.entity";
import { FundRound } from "./rounds/round.entity";
import { FundingApplication } from "./applications/application.entity";
import { PanelView } from "./applications/panel-view.entity";
import { Agreement } from "./agreements/agreement.entity";
import { RepaymentSchedule } from "./agreements/schedule.entity";
import { SocialRepaymentClaim } from "./money/social-claim.entity";
import { Contribution } from "./rounds/contribution.entity";
import { FundMovement } from "./money/movement";

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
