// Roles, organisation roles and partner scopes: the vocabulary of access.
import { registerEnumType } from "type-graphql";

export enum Role {
  ADMIN = "ADMIN",
  ANALYST = "ANALYST",
  PANEL_MEMBER = "PANEL_MEMBER",
  PARTNER = "PARTNER",
}
registerEnumType(Role, { name: "Role", description: "Network-wide roles of a user or partner." });

export enum OrganisationRole {
  OWNER = "OWNER",
  EDITOR = "EDITOR",
  VIEWER = "VIEWER",
}
registerEnumType(OrganisationRole, { name: "OrganisationRole", description: "A user's role in one organisation." });

/** Higher rank includes the lower ones: an OWNER may do what an EDITOR may. */
export const ORGANISATION_ROLE_RANK: Record<OrganisationRole, number> = { OWNER: 3, EDITOR: 2, VIEWER: 1 };

export enum ApiScope {
  READ_PUBLIC = "read:public",
  READ_ORGANISATIONS = "read:organisations",
  WRITE_ORGANISATIONS = "write:organisations",
  READ_FUNDS = "read:funds",
  READ_IMPACT = "read:impact",
  WRITE_MEASUREMENTS = "write:measurements",
}
registerEnumType(ApiScope, {
  name: "ApiScope",
  description: "What a partner API key may do.",
});
export const READ_SCOPES = [ApiScope.READ_PUBLIC, ApiScope.READ_ORGANISATIONS, ApiScope.READ_FUNDS, ApiScope.READ_IMPACT];
