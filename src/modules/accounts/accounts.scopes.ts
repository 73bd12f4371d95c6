// What partner API keys may use of accounts: nothing. Accounts are people's; a key never signs up, invites or manages.
import { KeyScopes, NO_KEY } from "../../auth/scopes";

const noKey = (names: string) => Object.fromEntries(names.split(" ").map((name) => [name, NO_KEY]));

export const accountsScopes: KeyScopes = {
  Query: noKey("users invitations"),
  Mutation: noKey("signUp verifyEmail requestPasswordReset resetPassword changePassword deleteAccount"
    + " revokeInvitation acceptInvitation grantRole removeRole disableAccount enableAccount"),
};
