// Demo accounts data: a pending invitation from the bakery's owner, and a person who signed up but has not verified.
import type { DemoContext } from "../../kith-module";
import { AuthService } from "../../auth/auth.service";
import { OrganisationRole } from "../../auth/roles";
import { DEMO_PASSWORD, DEMO_USERS } from "../../demo/demo-accounts";
import { hashToken, newSecret } from "./account-tokens";
import { Invitation, INVITATION_DAYS } from "./invitation.entity";

export const DEMO_UNVERIFIED = { email: "newcomer@demo.kith.test", displayName: "Nia Newcomer" };
export const DEMO_INVITED_EMAIL = "invited@demo.kith.test";

export async function loadDemoAccounts({ manager }: DemoContext): Promise<void> {
  await AuthService.createUser(manager, { ...DEMO_UNVERIFIED, password: DEMO_PASSWORD, verified: false });
  const [row]: { id: string; organisation_id: string }[] = await manager.query(
    `SELECT u.id, m.organisation_id FROM app_user u JOIN organisation_membership m ON m.user_id = u.id
      WHERE lower(u.email) = $1 AND m.role = 'OWNER' LIMIT 1`,
    [DEMO_USERS.owner.email],
  );
  if (!row) return;
  // The link of a demo invitation is never sent, so its token is thrown away; the owner sees it pending.
  await manager.save(manager.create(Invitation, {
    organisationId: row.organisation_id, email: DEMO_INVITED_EMAIL, role: OrganisationRole.EDITOR, tokenHash: hashToken(newSecret()),
    invitedBy: row.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
  }));
}
