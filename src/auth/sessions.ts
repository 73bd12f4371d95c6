// Sessions: each sign-in is a row whose id the token carries. A request's viewer is cached in this process for a short
// while per session; revocation and changes to a person's access go through the shared cache (Redis or memory), so a
// revoked session stops working at once on every process that shares it, and within VIEWER_CACHE_SECONDS elsewhere
// (the cache is then read again from the database, which holds the revocation too).
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "./viewer";
import type { SharedCache } from "./shared-cache";
import { OrganisationRole, Role } from "./roles";
import { issueToken, TOKEN_LIFETIME_SECONDS } from "./tokens";
import { UserSession } from "./session.entity";

/** How long a process answers from its cached viewer without asking the database again. */
export const VIEWER_CACHE_SECONDS = 30;
/** The resolution of `lastUsedAt`: written at most once a minute per session. */
const LAST_USED_RESOLUTION_SECONDS = 60;
const LOCAL_LIMIT = 10_000;

const revokedKey = (sessionId: string) => `session-revoked:${sessionId}`;
const accessKey = (userId: string) => `access-changed:${userId}`;

interface Cached {
  viewer: Viewer;
  /** The person's access stamp when this was read: a different one means it changed since. */
  stamp: string | null;
  until: number;
}

/** One statement: the session's person, roles and memberships, only while the session and the account are live. */
export async function loadSessionViewer(db: DataSource, sessionId: string, userId: string): Promise<Viewer | null> {
  const rows: { roles: Role[]; verified: boolean; organisation_id: string | null; role: OrganisationRole | null; stale: boolean }[] = await db.query(
    `SELECT u.roles, u.email_verified_at IS NOT NULL AS verified, m.organisation_id, m.role,
            s.last_used_at < now() - make_interval(secs => $3) AS stale
       FROM user_session s JOIN app_user u ON u.id = s.user_id
       LEFT JOIN organisation_membership m ON m.user_id = u.id
      WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [sessionId, userId, LAST_USED_RESOLUTION_SECONDS],
  );
  if (!rows.length) return null;
  if (rows[0].stale) await db.query("UPDATE user_session SET last_used_at = now() WHERE id = $1", [sessionId]);
  const memberships = new Map<string, OrganisationRole>();
  for (const r of rows) if (r.organisation_id && r.role) memberships.set(r.organisation_id, r.role);
  return { userId, apiKeyId: null, roles: new Set(rows[0].roles), memberships, scopes: null, sessionId, unverified: !rows[0].verified };
}

export class Sessions {
  private readonly local = new Map<string, Cached>();

  constructor(
    private readonly db: DataSource,
    readonly cache: SharedCache,
    private readonly tokenSecret: string,
    private readonly cacheSeconds = VIEWER_CACHE_SECONDS,
  ) {}

  /** Opens a session for the person and returns its token. */
  async start(m: EntityManager | DataSource, userId: string, client: string | null): Promise<{ token: string; session: UserSession }> {
    const session = await m.getRepository(UserSession).save({
      userId, client: client?.slice(0, 200) ?? null, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000),
    });
    return { token: await issueToken(this.tokenSecret, userId, session.id), session };
  }

  /** The viewer of a live session, from this process's cache while the shared cache says nothing changed. */
  async viewerFor(sessionId: string, userId: string): Promise<Viewer | null> {
    const [revoked, stamp] = await this.cache.getMany([revokedKey(sessionId), accessKey(userId)]);
    if (revoked) {
      this.local.delete(sessionId);
      return null;
    }
    const hit = this.local.get(sessionId);
    if (hit && hit.until > Date.now() && hit.stamp === stamp) return hit.viewer;
    const viewer = await loadSessionViewer(this.db, sessionId, userId);
    this.local.delete(sessionId);
    if (!viewer) return null;
    if (this.local.size >= LOCAL_LIMIT) this.local.delete(this.local.keys().next().value as string);
    this.local.set(sessionId, { viewer, stamp, until: Date.now() + this.cacheSeconds * 1000 });
    return viewer;
  }

  /** Ends sessions in the database, in the caller's transaction; call `forget` with the ids once it commits. */
  static async revokeInDatabase(m: EntityManager, userId: string, o: { sessionIds?: string[]; except?: string | null } = {}): Promise<string[]> {
    // PostgreSQL's UPDATE ... RETURNING comes back as [rows, count].
    const [rows]: [{ id: string }[], number] = await m.query(
      `UPDATE user_session SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          AND ($2::uuid[] IS NULL OR id = ANY($2)) AND ($3::uuid IS NULL OR id <> $3)
        RETURNING id`,
      [userId, o.sessionIds ?? null, o.except ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** Tells every process that these sessions have ended (they stop working at the next request). */
  async forget(sessionIds: string[]): Promise<void> {
    for (const id of sessionIds) {
      this.local.delete(id);
      await this.cache.set(revokedKey(id), "1", TOKEN_LIFETIME_SECONDS);
    }
  }

  /** Tells every process that a person's roles, memberships or account changed: their cached viewers are read again. */
  async accessChanged(userId: string): Promise<void> {
    await this.cache.set(accessKey(userId), `${Date.now()}-${Math.random().toString(36).slice(2)}`, TOKEN_LIFETIME_SECONDS);
  }
}
