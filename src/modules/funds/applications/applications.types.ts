// API types of applications and panel decisions that are not tables: the connection and the payloads.
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { Agreement } from "../agreements/agreement.entity";
import { FundingApplication } from "./application.entity";
import { PanelView } from "./panel-view.entity";

export const FundingApplicationConnection = ConnectionType(FundingApplication, "FundingApplication");

export const FundingApplicationPayload = PayloadType("FundingApplicationPayload", { application: () => FundingApplication });
export type FundingApplicationPayload = InstanceType<typeof FundingApplicationPayload>;
export const PanelViewPayload = PayloadType("PanelViewPayload", { view: () => PanelView, application: () => FundingApplication });
export type PanelViewPayload = InstanceType<typeof PanelViewPayload>;
export const DecisionPayload = PayloadType("DecisionPayload", { application: () => FundingApplication, agreement: () => Agreement },
  "The decided application and, for an offer, the agreement it created.");
export type DecisionPayload = InstanceType<typeof DecisionPayload>;
