// Domain events: what other modules and partners care about (an organisation created, an application decided, money
// repaid), recorded in the same transaction as the change, so an event exists exactly when its change committed.
import type { DataSource, EntityManager } from "typeorm";
import type { Actor } from "../auth/viewer";
import { ExtensionPoint } from "../kit/extension-point";

export interface DomainEvent {
  /** What happened, `<subject>.<verb>` in the past tense: organisation.created, agreement.activated. */
  type: string;
  /** The GraphQL type and primary key of the thing it happened to. */
  subjectType: string;
  subjectId: string;
  /** Facts a consumer needs without reading our tables; never personal data. */
  data?: Record<string, unknown>;
}

export interface StoredEvent extends Required<DomainEvent> {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorApiKeyId: string | null;
}

/** A consumer of events (webhooks, emails, rollups): a module contributes one in its KithModule `contributes`. */
export interface EventHandler {
  /** Stable name: deliveries are kept per handler. */
  name: string;
  /** The event types it takes. */
  types: readonly string[];
  /** Throws to have the delivery retried later; delivery is at least once, so a handler must tolerate repeats. */
  handle(event: StoredEvent, db: DataSource): Promise<void>;
  /** Attempts before a delivery is DEAD (default 8). */
  maxAttempts?: number;
}

export const eventHandlers = new ExtensionPoint<EventHandler>("events.handlers");

export const domainEvents = {
  /** Records the event and a pending delivery for each handler that takes its type, in the caller's transaction. */
  async record(m: EntityManager, actor: Actor, event: DomainEvent): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO domain_event (type, subject_type, subject_id, data, actor_user_id, actor_api_key_id, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [event.type, event.subjectType, event.subjectId, JSON.stringify(event.data ?? {}), actor.viewer.userId,
        actor.viewer.apiKeyId, actor.requestId],
    );
    const handlers = eventHandlers.values().filter((h) => h.types.includes(event.type)).map((h) => h.name);
    if (handlers.length) {
      await m.query("INSERT INTO event_delivery (handler, event_id) SELECT unnest($1::text[]), $2", [handlers, id]);
    }
    return String(id);
  },
};
