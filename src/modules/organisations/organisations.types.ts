// API types of the register that are not tables: the organisations connection, mutation payloads, governance.
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { Membership } from "../../auth/membership.entity";
import { Organisation } from "./organisation.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";

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
