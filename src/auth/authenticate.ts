// Turns an Authorization header into a Viewer: a session token, a partner API key (kith_...), or nobody.
import { createHash, timingSafeEqual } from "node:crypto";
import type { DataSource } from "typeorm";
import { GraphQLError } from "graphql";
import { ANONYMOUS, Viewer } from "./viewer";
import { ApiScope, Role } from "./roles";
import { loadSessionViewer, Sessions } from "./sessions";
import { TokenError, verifyToken } from "./tokens";

export const API_KEY_PREFIX = "kith_";
/** Characters after `kith_` kept in clear to find the key's row. */
export const API_KEY_LOOKUP_LENGTH = 10;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function rejected(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

async function viewerForApiKey(db: DataSource, key: string): Promise<Viewer> {
  const lookup = key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + API_KEY_LOOKUP_LENGTH);
  const rows: { id: string; secret_hash: string; scopes: ApiScope[]; revoked_at: Date | null; partner_id: string | null }[] = await db.query(
    "SELECT id, secret_hash, scopes, revoked_at, partner_id FROM api_key WHERE prefix = $1",
    [lookup],
  );
  const row = rows[0];
  const expected = Buffer.from(row?.secret_hash ?? "0".repeat(64), "hex");
  const actual = Buffer.from(hashApiKey(key), "hex");
  if (!row || !timingSafeEqual(expected, actual) || row.revoked_at) throw rejected("That API key is not valid.");
  // Writing on every call would make reads contend; a minute's resolution is enough to spot unused keys.
  await db.query(
    "UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
    [row.id],
  );
  return {
    userId: null, apiKeyId: row.id, roles: new Set([Role.PARTNER]), memberships: new Map(), scopes: new Set(row.scopes),
    partnerId: row.partner_id,
  };
}

/**
 * Resolves the viewer; a present but bad credential is refused (401), never silently treated as anonymous. A session
 * token is checked through `sessions` (its cache) when given, otherwise straight against the database.
 */
export async function authenticate(db: DataSource, tokenSecret: string, authorization: string | undefined, sessions?: Sessions): Promise<Viewer> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw rejected("Use 'Authorization: Bearer <token>'.");
  const credential = match[1];
  if (credential.startsWith(API_KEY_PREFIX)) return viewerForApiKey(db, credential);
  let claims: { userId: string; sessionId: string };
  try {
    claims = await verifyToken(tokenSecret, credential);
  } catch (e) {
    if (e instanceof TokenError) throw rejected(e.message);
    throw e;
  }
  const viewer = sessions
    ? await sessions.viewerFor(claims.sessionId, claims.userId)
    : await loadSessionViewer(db, claims.sessionId, claims.userId);
  if (!viewer) throw rejected("This session has ended; sign in again.");
  return viewer;
}
