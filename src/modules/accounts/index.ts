// The accounts module: sign-up and verification, passwords, invitations to organisations, staff managing people, and
// people's own data (export and erasure). Sessions, tokens and the mail outbox are the foundation's (src/auth, src/mail).
import { accountsScopes } from "./accounts.scopes";
import type { KithModule } from "../../kith-module";
import { Invitation } from "./invitation.entity";
import { Invitations1764200000700 } from "./migrations/1764200000700-Invitations";
import { AccountResolver } from "./account.resolver";
import { InvitationsResolver } from "./invitations.resolver";
import { StaffResolver } from "./staff.resolver";
import { invitationRelations } from "./accounts.relations";
import { organisationsApi } from "../organisations/organisations.api";
import { loadDemoAccounts } from "./accounts.demo";
import { accountsPolicy } from "./access.policy";

export const accountsModule: KithModule = {
  name: "accounts",
  scopes: accountsScopes,
  entities: [Invitation],
  migrations: [Invitations1764200000700],
  resolvers: [AccountResolver, InvitationsResolver, StaffResolver],
  relations: Object.values(invitationRelations),
  nodeTypes: {
    Invitation: {
      async load(ctx, key) {
        const i = await ctx.app.db.getRepository(Invitation).findOneBy({ id: key });
        return i && organisationsApi.mayManageMembers(ctx.viewer, i.organisationId) ? i : null;
      },
    },
  },
  accessPolicy: accountsPolicy,
  demo: loadDemoAccounts,
};
