// API types of webhooks that are not tables: payloads and the delivery log's connection.
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { WebhookSubscription } from "./webhook-subscription.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookDeliveryAttempt } from "./webhook-delivery-attempt.entity";

export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, "WebhookDelivery");
export const WebhookDeliveryAttemptConnection = ConnectionType(WebhookDeliveryAttempt, "WebhookDeliveryAttempt");

export const SubscribeWebhookPayload = PayloadType("SubscribeWebhookPayload", {
  subscription: () => WebhookSubscription,
  secret: { type: () => String, description: "Signs every delivery (HMAC-SHA256). Shown once: store it now." },
});
export type SubscribeWebhookPayload = InstanceType<typeof SubscribeWebhookPayload>;

export const WebhookSubscriptionPayload = PayloadType("WebhookSubscriptionPayload", { subscription: () => WebhookSubscription });
export type WebhookSubscriptionPayload = InstanceType<typeof WebhookSubscriptionPayload>;

export const WebhookDeliveryPayload = PayloadType("WebhookDeliveryPayload", { delivery: () => WebhookDelivery });
export type WebhookDeliveryPayload = InstanceType<typeof WebhookDeliveryPayload>;
