// The relations of partners and their keys: a partner's keys (ADMIN and the partner itself), a key's partner.
import type { Context } from "../../graphql/context";
import { relationsOf } from "../../graphql/relations";
import { rowShape } from "../../graphql/rows";
import { Sql } from "../../graphql/sql";
import { ApiKey } from "../../auth/api-key.entity";
import { Partner } from "./partner.entity";
import { WebhookSubscription } from "./webhooks/webhook-subscription.entity";
import { partnerAccess } from "./access";
import { WebhookDeliveryAttempt } from "./webhooks/webhook-delivery-attempt.entity";
import type { Ordering } from "../../graphql/connection";

const NEWEST_ATTEMPT_FIRST: Ordering = { name: "NEWEST", keys: ["id"], direction: "DESC" };

/** A delivery's attempts: whoever may read the delivery (ADMIN, its partner's keys) reads all of them. */
export const webhookDeliveryRelations = relationsOf("WebhookDelivery", {
  attemptLog: {
    kind: "page", target: () => WebhookDeliveryAttempt, ordering: NEWEST_ATTEMPT_FIRST,
    from: (ctx: Context) => Sql.raw(`SELECT ${rowShape(ctx.app.db, WebhookDeliveryAttempt).select("a")}, a.delivery_id AS __parent FROM webhook_delivery_attempt a`),
  },
});

export const partnerRelations = relationsOf("Partner", {
  keys: {
    kind: "many", target: () => ApiKey, orderBy: ["created_at", "id"],
    visible: (ctx: Context, p: object) => partnerAccess.see(ctx.viewer, (p as Partner).id),
    from: (ctx: Context) => Sql.raw(`SELECT ${rowShape(ctx.app.db, ApiKey).select("k")}, k.partner_id AS __parent FROM api_key k`),
  },
  webhooks: {
    kind: "many", target: () => WebhookSubscription, orderBy: ["created_at", "id"],
    visible: (ctx: Context, p: object) => partnerAccess.see(ctx.viewer, (p as Partner).id),
    from: (ctx: Context) => Sql.raw(`SELECT ${rowShape(ctx.app.db, WebhookSubscription).select("w")}, w.partner_id AS __parent FROM webhook_subscription w`),
  },
});

export const apiKeyPartnerRelations = relationsOf("ApiKey", {
  partner: {
    kind: "one", target: () => Partner, parentKey: { column: "partner_id", property: "partnerId" },
    from: (ctx: Context) => Sql.raw(`SELECT ${rowShape(ctx.app.db, Partner).select("p")}, p.id AS __parent FROM partner p`),
  },
});
