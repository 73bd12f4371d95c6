// Inputs of the account mutations and lists (edge limits here; the rules live in the services).
import { Field, InputType } from "type-graphql";
import { IdField, ListField, TextField } from "../../graphql/input-fields";
import { OrganisationRole, Role } from "../../auth/roles";

@InputType()
export class SignUpInput {
  @TextField({ max: 320 }) email: string;
  @TextField({ max: 1024, description: "At least 12 characters; not a common password; not containing the email." }) password: string;
  @TextField({ max: 200 }) displayName: string;
}

@InputType()
export class TokenInput {
  @TextField({ max: 200, description: "The token from the link in the email." }) token: string;
}

@InputType()
export class RequestPasswordResetInput {
  @TextField({ max: 320 }) email: string;
}

@InputType()
export class ResetPasswordInput {
  @TextField({ max: 200 }) token: string;
  @TextField({ max: 1024 }) newPassword: string;
}

@InputType()
export class ChangePasswordInput {
  @TextField({ max: 1024 }) currentPassword: string;
  @TextField({ max: 1024 }) newPassword: string;
}

@InputType()
export class DeleteAccountInput {
  @TextField({ max: 1024, description: "Your password, to confirm." }) password: string;
}

@InputType()
export class InviteMemberInput {
  @IdField("Organisation") organisationId: string;
  @TextField({ max: 320, description: "Whom to invite; they need no account yet." }) email: string;
  @Field(() => OrganisationRole) role: OrganisationRole;
}

@InputType()
export class RevokeInvitationInput {
  @IdField("Invitation") invitationId: string;
}

@InputType()
export class SetRoleInput {
  @IdField("User") userId: string;
  @Field(() => Role, { description: "ADMIN, ANALYST or PANEL_MEMBER." }) role: Role;
  @TextField({ max: 2000, description: "Why: kept in the audit trail." }) reason: string;
}

@InputType()
export class SetAccountStatusInput {
  @IdField("User") userId: string;
  @TextField({ max: 2000, description: "Why: kept in the audit trail." }) reason: string;
}

@InputType({ description: "Which people to list (staff only)." })
export class UserFilter {
  @TextField({ nullable: true, max: 200, description: "Part of a name or email." }) search?: string | null;
  @ListField(() => Role, { nullable: true, max: 4, description: "People holding any of these roles." }) roles?: Role[] | null;
  @Field(() => Boolean, { nullable: true }) disabled?: boolean | null;
  @Field(() => Boolean, { nullable: true }) emailVerified?: boolean | null;
}
