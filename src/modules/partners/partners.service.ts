// Partners' use cases: ADMIN registers partners, issues and rotates their keys (a rotated key's successor works at
// once; the old one works until revoked with revokeApiKey); an organisation's owner links it to a partner.
import type { DataSource } from "typeorm";
import { inTransaction } from "../../db/transaction";
import { audit } from "../../audit/audit";
import { ApiKey } from "../../auth/api-key.entity";
import { ApiKeysService, CreatedKey } from "../../auth/api-keys.service";
import type { ApiScope } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { InputChecks } from "../../kit/input-checks";
import { notAllowed, refuse, refuseAll, Result } from "../../kit/refusals";
import { sqlState } from "../../db/transaction";
import { organisationsApi } from "../organisations/organisations.api";
import type { Organisation } from "../organisations/organisation.entity";
import { partnerAccess } from "./access";
import { Partner } from "./partner.entity";

const onlyAdmin = () => notAllowed("Only network staff (ADMIN) can manage partners and their keys.");

export class PartnersService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, rawName: string): Promise<Result<{ partner: Partner }>> {
    if (!partnerAccess.manage(actor.viewer)) return { errors: [onlyAdmin()] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const name = c.text("name", rawName, { max: 200, required: true });
      if (!c.ok) refuseAll(c.errors);
      const partner = await m.save(m.create(Partner, { name: name! })).catch((e) => {
        if (sqlState(e) === "23505") refuse("name", "NAME_TAKEN", "A partner already has that name.");
        throw e;
      });
      await audit.record(m, actor, { action: "partner.create", entityType: "Partner", entityId: partner.id, after: { name: partner.name } });
      return { partner };
    });
  }

  async issueKey(actor: Actor, partnerId: string, rawName: string, scopes: ApiScope[]): Promise<Result<CreatedKey & { previous: null }>> {
    if (!partnerAccess.manage(actor.viewer)) return { errors: [onlyAdmin()] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const name = c.text("name", rawName, { max: 200, required: true });
      if (!scopes.length) c.add("scopes", "REQUIRED", "Give the key at least one scope.");
      if (!c.ok) refuseAll(c.errors);
      const partner = await m.findOne(Partner, { where: { id: partnerId }, lock: { mode: "pessimistic_read" } });
      if (!partner) refuse("partnerId", "NOT_FOUND", "No partner has that ID.");
      return { ...(await ApiKeysService.insert(m, actor, name!, [...new Set(scopes)], undefined, partnerId)), previous: null };
    });
  }

  /** A new key for the same partner with the same scopes; the old key keeps working until it is revoked. */
  async rotateKey(actor: Actor, apiKeyId: string): Promise<Result<CreatedKey & { previous: ApiKey }>> {
    if (!partnerAccess.manage(actor.viewer)) return { errors: [onlyAdmin()] };
    return inTransaction(this.db, async (m) => {
      const previous = await m.findOne(ApiKey, { where: { id: apiKeyId }, lock: { mode: "pessimistic_write" } });
      if (!previous) refuse("apiKeyId", "NOT_FOUND", "No API key has that ID.");
      if (previous.revokedAt) refuse("apiKeyId", "ALREADY_REVOKED", "That key is revoked; issue a new key for the partner instead.");
      if (!previous.partnerId) refuse("apiKeyId", "NO_PARTNER", "That key belongs to no partner; issue a partner key instead.");
      const created = await ApiKeysService.insert(m, actor, previous.name, previous.scopes, undefined, previous.partnerId);
      await audit.record(m, actor, {
        action: "apiKey.rotate", entityType: "ApiKey", entityId: previous.id, after: { successor: created.apiKey.id },
      });
      return { ...created, previous };
    });
  }

  /** The organisation's owner (or ADMIN) lets the partner's keys change it, or stops them. */
  async link(actor: Actor, organisationId: string, partnerId: string, linked: boolean): Promise<Result<{ organisation: Organisation; partner: Partner }>> {
    return inTransaction(this.db, async (m) => {
      const result = await organisationsApi.linkPartner(m, actor, organisationId, partnerId, linked);
      if ("errors" in result) refuseAll(result.errors);
      const partner = await m.findOneBy(Partner, { id: partnerId });
      if (!partner) refuse("partnerId", "NOT_FOUND", "No partner has that ID.");
      return { organisation: result.organisation, partner };
    });
  }
}
