// Webhook use cases: a partner's key (or ADMIN for a partner) subscribes a URL to events it has the scopes for, cancels
// it, and asks for a delivery again; the delivery log is read through webhooks.lists.ts.
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { inTransaction } from "../../../db/transaction";
import { audit } from "../../../audit/audit";
import { isAdmin, type Actor } from "../../../auth/viewer";
import type { NodeEnv } from "../../../config";
import { notAllowed, refuse, refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { lockRecord } from "../../../kit/records";
import { Partner } from "../partner.entity";
import { partnerAccess } from "../access";
import { WEBHOOK_EVENT_SCOPES, WebhookDeliveryStatus, WebhookEventType } from "./webhook-events";
import { webhookUrlProblem } from "./webhook-urls";
import { WebhookSubscription } from "./webhook-subscription.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";

const cannot = () => notAllowed("Only ADMIN and the partner's own keys may manage its webhooks.");

/** The partner a request may act for: ADMIN names one; a key acts for its own. */
function actingPartner(actor: Actor, partnerId: string | null | undefined): string | null {
  if (isAdmin(actor.viewer)) return partnerId ?? null;
  const own = partnerAccess.ownPartner(actor.viewer);
  return own && (!partnerId || partnerId === own) ? own : null;
}

export class WebhooksService {
  constructor(private readonly db: DataSource, private readonly env: NodeEnv) {}

  async subscribe(actor: Actor, input: { partnerId?: string | null; url: string; eventTypes: WebhookEventType[] }):
    Promise<Result<{ subscription: WebhookSubscription; secret: string }>> {
    const partnerId = actingPartner(actor, input.partnerId);
    if (!partnerId) return { errors: [isAdmin(actor.viewer) ? { field: ["partnerId"], code: "REQUIRED", message: "Name the partner the webhook is for." } : cannot()] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const url = c.text("url", input.url, { max: 2000, required: true });
      const problem = url ? webhookUrlProblem(url, this.env) : null;
      if (problem) c.add("url", "INVALID_URL", problem);
      const types = [...new Set(input.eventTypes)];
      if (!types.length) c.add("eventTypes", "REQUIRED", "Choose at least one event.");
      // A key receives only what it could read: each event needs its scope.
      if (actor.viewer.scopes) {
        for (const t of types) {
          const scope = WEBHOOK_EVENT_SCOPES[t];
          if (!actor.viewer.scopes.has(scope)) c.add("eventTypes", "MISSING_SCOPE", `This API key needs the ${scope} scope for ${t} events.`);
        }
      }
      if (!c.ok) refuseAll(c.errors);
      if (!(await m.findOneBy(Partner, { id: partnerId }))) refuse("partnerId", "NOT_FOUND", "No partner has that ID.");
      const secret = `whsec_${randomBytes(24).toString("base64url")}`;
      const subscription = await m.save(m.create(WebhookSubscription, { partnerId, url: url!, eventTypes: types, secret }));
      await audit.record(m, actor, { action: "webhook.subscribe", entityType: "WebhookSubscription", entityId: subscription.id, after: { url, eventTypes: types } });
      return { subscription, secret };
    });
  }

  async cancel(actor: Actor, id: string): Promise<Result<{ subscription: WebhookSubscription }>> {
    return inTransaction(this.db, async (m) => {
      // Access first, from a plain read: nothing is locked for a caller who may not act (issue 10).
      const seen = await m.findOneBy(WebhookSubscription, { id });
      if (!seen || !partnerAccess.see(actor.viewer, seen.partnerId)) refuseAll([cannot()]);
      const subscription = await lockRecord(m, WebhookSubscription, id, { noun: "webhook", field: "id" });
      if (subscription.cancelledAt) refuse("id", "ALREADY_CANCELLED", "That webhook is already cancelled.");
      subscription.cancelledAt = new Date();
      await m.save(subscription);
      // Deliveries not yet made stop here: DEAD with the reason, so the log says what happened to each event.
      await m.query(`UPDATE webhook_delivery SET status = 'DEAD', last_error = 'The webhook was cancelled.' WHERE subscription_id = $1 AND status = 'PENDING'`, [id]);
      await audit.record(m, actor, { action: "webhook.cancel", entityType: "WebhookSubscription", entityId: id, after: { cancelledAt: subscription.cancelledAt } });
      return { subscription };
    });
  }

  /** Sends a delivery again from the start of its retries (a DEAD one, or a DELIVERED one the receiver lost). */
  async redeliver(actor: Actor, deliveryId: string): Promise<Result<{ delivery: WebhookDelivery }>> {
    return inTransaction(this.db, async (m) => {
      const seen = await m.findOneBy(WebhookDelivery, { id: deliveryId });
      const subscription = seen && await m.findOneBy(WebhookSubscription, { id: seen.subscriptionId });
      if (!seen || !subscription || !partnerAccess.see(actor.viewer, subscription.partnerId)) refuseAll([cannot()]);
      const delivery = await lockRecord(m, WebhookDelivery, deliveryId, { noun: "delivery", field: "deliveryId" });
      if (subscription.cancelledAt) refuse("deliveryId", "CANCELLED", "That webhook is cancelled; subscribe again to receive events.");
      if (delivery.status === WebhookDeliveryStatus.PENDING) refuse("deliveryId", "ALREADY_PENDING", "That delivery is already waiting to be sent.");
      Object.assign(delivery, { status: WebhookDeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), lastError: null });
      await m.save(delivery);
      await audit.record(m, actor, { action: "webhook.redeliver", entityType: "WebhookDelivery", entityId: deliveryId, after: { status: "PENDING" } });
      return { delivery };
    });
  }
}
