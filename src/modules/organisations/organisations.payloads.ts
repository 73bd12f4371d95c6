// Mutation payloads of the register: the changed object and userErrors (non-empty means nothing was written).
import { Field, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/errors";
import { Membership } from "../../auth/membership.entity";
import { Organisation } from "./organisation.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";

@ObjectType()
export class OrganisationPayload {
  @Field(() => Organisation, { nullable: true }) organisation: Organisation | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class StoAssessmentPayload {
  @Field(() => StoAssessment, { nullable: true }) assessment: StoAssessment | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class MembershipPayload {
  @Field(() => Membership, { nullable: true }) membership: Membership | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class ContactPayload {
  @Field(() => Contact, { nullable: true }) contact: Contact | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ description: "Who governs: 'we, not they' is community members on the board." })
export class Governance {
  @Field(() => Int, { nullable: true }) boardSize: number | null;
  @Field(() => Int, { nullable: true }) communityBoardMembers: number | null;
  @Field(() => Int, { nullable: true }) membershipSize: number | null;
}
