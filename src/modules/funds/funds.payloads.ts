// Connections and mutation payloads of the funds module (userErrors non-empty means nothing was written).
import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import { UserError } from "../../graphql/errors";
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

@ObjectType()
export class FundPayload {
  @Field(() => Fund, { nullable: true }) fund: Fund | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class ContributionPayload {
  @Field(() => Contribution, { nullable: true }) contribution: Contribution | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class FundRoundPayload {
  @Field(() => FundRound, { nullable: true }) round: FundRound | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class FundingApplicationPayload {
  @Field(() => FundingApplication, { nullable: true }) application: FundingApplication | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class PanelViewPayload {
  @Field(() => PanelView, { nullable: true }) view: PanelView | null;
  @Field(() => FundingApplication, { nullable: true }) application: FundingApplication | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ description: "The decided application and, for an offer, the agreement it created." })
export class DecisionPayload {
  @Field(() => FundingApplication, { nullable: true }) application: FundingApplication | null;
  @Field(() => Agreement, { nullable: true }) agreement: Agreement | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class AgreementPayload {
  @Field(() => Agreement, { nullable: true }) agreement: Agreement | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ description: "The money moved and the agreement as it now stands." })
export class FundMovementPayload {
  @Field(() => FundMovement, { nullable: true }) movement: FundMovement | null;
  @Field(() => Agreement, { nullable: true }) agreement: Agreement | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class SocialRepaymentClaimPayload {
  @Field(() => SocialRepaymentClaim, { nullable: true }) claim: SocialRepaymentClaim | null;
  @Field(() => Agreement, { nullable: true }) agreement: Agreement | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class ReschedulePayload {
  @Field(() => Agreement, { nullable: true }) agreement: Agreement | null;
  @Field(() => RepaymentSchedule, { nullable: true }) schedule: RepaymentSchedule | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
