// Partner API keys: created by ADMIN with scopes, shown once, stored hashed, revocable.
import { randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction, Rollback } from "../db/transaction";
import { audit } from "../audit/audit";
import { ApiKey } from "./api-key.entity";
import { API_KEY_LOOKUP_LENGTH, API_KEY_PREFIX, hashApiKey } from "./authenticate";
import { ApiScope } from "./roles";
import { Actor, isAdmin } from "./viewer";
import { Refusal, refusal } from "../kit/refusals";

export type CreatedKey = { apiKey: ApiKey; secret: string };

function newSecret(): string {
  // base64url of 30 bytes is 40 characters; the first API_KEY_LOOKUP_LENGTH become the lookup prefix.
  return `${API_KEY_PREFIX}${randomBytes(30).toString("base64url")}`;
}

const notAllowed = () => refusal(null, "NOT_ALLOWED", "Only network staff (ADMIN) can manage API keys.");

export class ApiKeysService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, name: string, scopes: ApiScope[]): Promise<CreatedKey | { errors: Refusal[] }> {
    if (!isAdmin(actor.viewer)) return { errors: [notAllowed()] };
    const errors: Refusal[] = [];
    if (!name.trim()) errors.push(refusal("name", "REQUIRED", "Give the key a name, such as the partner's."));
    if (!scopes.length) errors.push(refusal("scopes", "REQUIRED", "Give the key at least one scope."));
    if (errors.length) return { errors };
    return inTransaction(this.db, (m) => ApiKeysService.insert(m, actor, name.trim(), [...new Set(scopes)]));
  }

  /** Inserts a key (for a partner, when given); `secret` may be fixed for the demo partner, otherwise it is random. */
  static async insert(m: EntityManager, actor: Actor, name: string, scopes: ApiScope[], secret = newSecret(), partnerId: string | null = null): Promise<CreatedKey> {
    const apiKey = await m.save(m.create(ApiKey, {
      name,
      scopes,
      partnerId,
      prefix: secret.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + API_KEY_LOOKUP_LENGTH),
      secretHash: hashApiKey(secret),
      createdBy: actor.viewer.userId,
    }));
    await audit.record(m, actor, { action: "apiKey.create", entityType: "ApiKey", entityId: apiKey.id, after: { name, scopes, partnerId } });
    return { apiKey, secret };
  }

  /** Gives the keys of that name to a partner (the demo partner's key, made before partners exist in the demo). */
  static async assignPartner(m: EntityManager, name: string, partnerId: string): Promise<void> {
    await m.update(ApiKey, { name }, { partnerId });
  }

  async revoke(actor: Actor, id: string): Promise<{ apiKey: ApiKey } | { errors: Refusal[] }> {
    if (!isAdmin(actor.viewer)) return { errors: [notAllowed()] };
    return inTransaction(this.db, async (m) => {
      const apiKey = await m.findOne(ApiKey, { where: { id }, lock: { mode: "pessimistic_write" } });
      if (!apiKey) throw new Rollback({ errors: [refusal("id", "NOT_FOUND", "No API key has that ID.")] });
      if (apiKey.revokedAt) throw new Rollback({ errors: [refusal("id", "ALREADY_REVOKED", "That API key is already revoked.")] });
      apiKey.revokedAt = new Date();
      await m.save(apiKey);
      await audit.record(m, actor, { action: "apiKey.revoke", entityType: "ApiKey", entityId: id, before: { revokedAt: null }, after: { revokedAt: apiKey.revokedAt } });
      return { apiKey };
    });
  }
}
