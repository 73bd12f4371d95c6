// Email through the outbox: `mail.queue` writes the email and a domain event in the caller's transaction; the mail
// worker (an event handler, so it runs where KITH_WORKERS runs workers, with their retries) sends it later.
import type { EntityManager } from "typeorm";
import type { Actor } from "../auth/viewer";
import { domainEvents, EventHandler } from "../events/domain-events";
import { OutboundEmail } from "./outbound-email.entity";
import { transportFor } from "./transport";

export const EMAIL_QUEUED = "email.queued";

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** What it is for, kept with the email (verify-email, reset-password, invitation, ...). */
  kind: string;
}

export const mail = {
  /** Queues an email in the caller's transaction: it is sent only if the change commits. */
  async queue(m: EntityManager, actor: Actor, email: Email): Promise<void> {
    const row = await m.save(OutboundEmail, { recipient: email.to, subject: email.subject, body: email.text, kind: email.kind });
    // The event carries no address or text: events may reach partners; the email row stays here.
    await domainEvents.record(m, actor, { type: EMAIL_QUEUED, subjectType: "OutboundEmail", subjectId: String(row.id), data: { kind: email.kind } });
  },
};

/** Sends queued emails; a failure is retried by the worker with growing delays (up to 8 attempts). */
export const mailHandler: EventHandler = {
  name: "mail",
  types: [EMAIL_QUEUED],
  maxAttempts: 8,
  async handle(event, { db, log, config }) {
    if (!config) throw new Error("the mail worker needs the process's configuration");
    const [row]: { id: string; recipient: string; subject: string; body: string | null; kind: string; sent_at: Date | null }[] = await db.query(
      "SELECT id, recipient, subject, body, kind, sent_at FROM outbound_email WHERE id = $1", [event.subjectId],
    );
    // Sent already (a repeated delivery), or erased with the account it was for.
    if (!row || row.sent_at || row.body === null) return;
    await transportFor(config, log).send({ id: row.id, from: config.mailFrom, to: row.recipient, subject: row.subject, text: row.body, kind: row.kind });
    // The body may hold a single-use link: once the email has gone, the database keeps only that it was sent.
    await db.query("UPDATE outbound_email SET sent_at = now(), body = NULL WHERE id = $1", [row.id]);
  },
};
