// API types of accounts that are not tables: payloads and connections.
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { User } from "../../auth/user.entity";
import { Membership } from "../../auth/membership.entity";
import { Invitation } from "./invitation.entity";

export const SignUpPayload = PayloadType("SignUpPayload", {},
  "No userErrors: check your email. The answer is the same whether or not the email already has an account.");
export type SignUpPayload = InstanceType<typeof SignUpPayload>;

export const AccountPayload = PayloadType("AccountPayload", {}, "Nothing but userErrors.");
export type AccountPayload = InstanceType<typeof AccountPayload>;

export const VerifyEmailPayload = PayloadType("VerifyEmailPayload", { viewer: () => User });
export type VerifyEmailPayload = InstanceType<typeof VerifyEmailPayload>;

export const UserPayload = PayloadType("UserPayload", { user: () => User });
export type UserPayload = InstanceType<typeof UserPayload>;

export const InvitationPayload = PayloadType("InvitationPayload", { invitation: () => Invitation });
export type InvitationPayload = InstanceType<typeof InvitationPayload>;

export const AcceptInvitationPayload = PayloadType("AcceptInvitationPayload", { membership: () => Membership });
export type AcceptInvitationPayload = InstanceType<typeof AcceptInvitationPayload>;

export const UserConnection = ConnectionType(User, "User");
export const InvitationConnection = ConnectionType(Invitation, "Invitation");
