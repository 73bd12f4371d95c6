// Who may read what the accounts module serves (see graphql/access-policy.ts): invitations are for the inviting
// organisation's owners and ADMIN; the people list is ADMIN's; a person's verification and disabled flags are theirs
// and ADMIN's; their sessions and their own data are read only as themselves.
import { AccessPolicy, Asker, Facts, isAdmin } from "../../graphql/access-policy";

const managesMembers = (a: Asker, invitation: Facts) => isAdmin(a) || a.memberships.get(invitation.organisation?.id) === "OWNER";
const account = (a: Asker, user: Facts) => isAdmin(a) || (a.userId !== null && a.userId === user.id);

export const accountsPolicy: AccessPolicy = {
  Invitation: { see: managesMembers, fields: "id email role status organisation createdAt expiresAt acceptedAt revokedAt" },
  User: { extends: true, restricted: { disabled: account, emailVerified: account }, perViewer: "personalData sessions" },
  Query: { extends: true, restricted: { users: isAdmin }, perViewer: "invitations" },
};
