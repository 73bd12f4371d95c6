// Demo data: one sign-in per role and a partner key with every read scope.
import { AuthService } from "../auth/auth.service";
import { ApiKeysService } from "../auth/api-keys.service";
import { READ_SCOPES, Role } from "../auth/roles";
import { ANONYMOUS } from "../auth/viewer";
import type { DemoContext } from "../kith-module";
import { DEMO_PARTNER_KEY, DEMO_PARTNER_NAME, DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";

export async function loadDemoUsers({ manager }: DemoContext): Promise<void> {
  for (const u of Object.values(DEMO_USERS)) {
    await AuthService.createUser(manager, { email: u.email, password: DEMO_PASSWORD, displayName: u.displayName, roles: [...u.roles] as Role[] });
  }
  await ApiKeysService.insert(manager, { viewer: ANONYMOUS, requestId: "demo" }, DEMO_PARTNER_NAME, READ_SCOPES, DEMO_PARTNER_KEY);
}
