// API types of applications and panel decisions that are not tables: the connection and the payloads.
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { Agreement } from "../agreements/agreement.entity";
import { FundingApplication } from "./application.entity";
import { PanelView } from "./panel-view.entity";
import { ConflictOfInterest } from "../funds.enums";

export const FundingApplicationConnection = ConnectionType(FundingApplication, "FundingApplication");

export const FundingApplicationPayload = PayloadType("FundingApplicationPayload", { application: () => FundingApplication });
export type FundingApplicationPayload = InstanceType<typeof FundingApplicationPayload>;
export const PanelViewPayload = PayloadType("PanelViewPayload", { view: () => PanelView, application: () => FundingApplication });
export type PanelViewPayload = InstanceType<typeof PanelViewPayload>;
export const DecisionPayload = PayloadType("DecisionPayload", { application: () => FundingApplication, agreement: () => Agreement },
  "The decided application and, for an offer, the agreement it created.");
export type DecisionPayload = InstanceType<typeof DecisionPayload>;

@ObjectType({ description: "How the panel's counted views stood when it decided; conflicted views are excluded, each with its reason." })
export class DecisionTally {
  @Field(() => Int, { description: "Counted views for an offer (SUPPORT or SUPPORT_WITH_CHANGES)." }) for: number;
  @Field(() => Int, { description: "Counted views against (DO_NOT_SUPPORT)." }) against: number;
  @Field(() => Int, { description: "Counted abstentions: towards quorum, not the majority." }) abstain: number;
  @Field(() => [ConflictOfInterest], { description: "One entry per excluded view: the conflict that excluded it." }) excluded: ConflictOfInterest[];
}
