// API types of the register that are not tables: the organisations connection, mutation payloads, governance.
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { Membership } from "../../auth/membership.entity";
import { Organisation } from "./organisation.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";
import { EligibilityThresholds } from "./eligibility-thresholds.entity";
import { StoTest } from "./organisation.enums";

export const OrganisationConnection = ConnectionType(Organisation, "Organisation");

export const OrganisationPayload = PayloadType("OrganisationPayload", { organisation: () => Organisation });
export type OrganisationPayload = InstanceType<typeof OrganisationPayload>;
export const StoAssessmentPayload = PayloadType("StoAssessmentPayload", { assessment: () => StoAssessment });
export type StoAssessmentPayload = InstanceType<typeof StoAssessmentPayload>;
export const MembershipPayload = PayloadType("MembershipPayload", { membership: () => Membership });
export type MembershipPayload = InstanceType<typeof MembershipPayload>;
export const ContactPayload = PayloadType("ContactPayload", { contact: () => Contact });
export type ContactPayload = InstanceType<typeof ContactPayload>;

@ObjectType({ description: "Who governs: 'we, not they' is community members on the board." })
export class Governance {
  @Field(() => Int, { nullable: true }) boardSize: number | null;
  @Field(() => Int, { nullable: true }) communityBoardMembers: number | null;
  @Field(() => Int, { nullable: true }) membershipSize: number | null;
}

export const EligibilityThresholdsConnection = ConnectionType(EligibilityThresholds, "EligibilityThresholds");
export const EligibilityThresholdsPayload = PayloadType("EligibilityThresholdsPayload", { thresholds: () => EligibilityThresholds });
export type EligibilityThresholdsPayload = InstanceType<typeof EligibilityThresholdsPayload>;

@ObjectType({ description: "One of the five tests in an assessment: the answer, what it rests on, and any fact of the register that contradicted it." })
export class StoTestResult {
  @Field(() => StoTest) test: StoTest;
  @Field({ description: "The assessor's answer." }) met: boolean;
  @Field({ description: "The evidence this test rests on." }) restsOn: string;
  @Field(() => String, { nullable: true, description: "The fact of the register that contradicted a yes when it was recorded (then overrideReason says why it stood)." })
  contradictedBy: string | null;
}
