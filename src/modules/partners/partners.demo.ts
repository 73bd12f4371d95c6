// Demo data: the demo partner owns the demo key (every read scope), and a second key of it may write organisations;
// the partner created one organisation and the bakery's owner linked theirs to it.
import type { DemoContext } from "../../kith-module";
import { ApiKeysService } from "../../auth/api-keys.service";
import { ApiScope, Role } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { DEMO_PARTNER_NAME } from "../../demo/demo-accounts";
import { Partner } from "./partner.entity";

export async function loadDemoPartners({ manager: m }: DemoContext): Promise<void> {
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const partner = await m.save(m.create(Partner, { name: "Demo partner" }));
  await ApiKeysService.assignPartner(m, DEMO_PARTNER_NAME, partner.id);
  await ApiKeysService.insert(m, admin, "Demo partner CRM sync (writes organisations)", [ApiScope.READ_ORGANISATIONS, ApiScope.WRITE_ORGANISATIONS], undefined, partner.id);
}
