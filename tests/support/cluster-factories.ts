// Factories for cluster tests: organisations owned by a given person, clusters with members, and row counts.
import type { DataSource, EntityManager } from "typeorm";
import { OrganisationsService } from "../../src/modules/organisations/organisations.service";
import { LegalForm } from "../../src/modules/organisations/organisation.enums";
import { Role } from "../../src/auth/roles";
import type { Actor, Viewer } from "../../src/auth/viewer";
import type { User } from "../../src/auth/user.entity";
import { makeUser } from "./factories";

let sequence = 0;

export const ADMIN_VIEWER: Viewer = { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null };
export const asAdmin: Actor = { viewer: ADMIN_VIEWER, requestId: "test-factory" };

/** An organisation registered through the register's own service; `owner` (a new person if not given) is its OWNER. */
export async function makeOrganisationFor(db: DataSource, owner: User | null, o: { name?: string; registeredPlaceId?: string } = {}): Promise<string> {
  const viewer: Viewer = { ...ADMIN_VIEWER, userId: (owner ?? await makeUser(db)).id, roles: new Set() };
  const r = await new OrganisationsService(db).create({ viewer, requestId: "test-factory" }, {
    name: o.name ?? `Test Organisation ${++sequence}`, legalForm: LegalForm.CIC_LIMITED_BY_GUARANTEE, registeredPlaceId: o.registeredPlaceId,
  });
  if ("errors" in r) throw new Error(`makeOrganisationFor: ${JSON.stringify(r.errors)}`);
  return r.organisation.id;
}

const CLUSTER_TABLES = ["cluster", "cluster_membership", "gathering", "gathering_attendance", "peer_post", "peer_exchange",
  "peer_panel", "peer_panel_cluster", "peer_panel_member", "audit_event", "domain_event"];

export interface MemberSpec {
  organisationId: string;
  role?: "MEMBER" | "FACILITATOR";
  joinedOn?: string;
  leftOn?: string | null;
}

/** A cluster with the given membership periods, inserted directly (the rows a test needs, nothing more). */
/** Joining is OPEN unless asked (the tests of joining by approval ask for APPROVAL, the default of real clusters). */
export async function makeCluster(db: DataSource | EntityManager, o: { name?: string; status?: string; members?: MemberSpec[]; joining?: "OPEN" | "APPROVAL" } = {}): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO cluster (name, kind, cause, status, joining) VALUES ($1, 'CAUSE', 'FOOD', $2, $3) RETURNING id`,
    [o.name ?? `Test Cluster ${++sequence}`, o.status ?? "ACTIVE", o.joining ?? "OPEN"],
  );
  for (const m of o.members ?? []) {
    await db.query(
      "INSERT INTO cluster_membership (cluster_id, organisation_id, role, joined_on, left_on) VALUES ($1, $2, $3, $4, $5)",
      [id, m.organisationId, m.role ?? "MEMBER", m.joinedOn ?? "2024-01-01", m.leftOn ?? null],
    );
  }
  return id;
}

/** Rows in the clusters module's tables, audit_event and domain_event: a refused request must leave them all unchanged. */
export async function clusterRowCounts(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of CLUSTER_TABLES) counts[t] = (await db.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  return counts;
}

/** A recorded peer exchange: `giverId` helped `receiverId`, agreed on `agreedOn` (a need and an offer made for it). */
export async function makeExchange(db: DataSource | EntityManager, giverId: string, receiverId: string, agreedOn: string): Promise<string> {
  const post = async (organisationId: string, kind: string) => (await db.query(
    "INSERT INTO peer_post (organisation_id, kind, skill, description) VALUES ($1, $2, 'FINANCE', 'Cash-flow forecasting') RETURNING id",
    [organisationId, kind],
  ))[0].id as string;
  const [{ id }] = await db.query(
    "INSERT INTO peer_exchange (need_id, offer_id, giver_id, receiver_id, agreed_on) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [await post(receiverId, "NEED"), await post(giverId, "OFFER"), giverId, receiverId, agreedOn],
  );
  return id;
}
