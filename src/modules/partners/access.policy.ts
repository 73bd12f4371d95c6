// Who may read partners, their webhooks and deliveries (see graphql/access-policy.ts): ADMIN; a partner's own keys
// read their partner through currentPartner and its deliveries through webhookDeliveries (keys made with a partner).
import { AccessPolicy, isAdmin } from "../../graphql/access-policy";

export const partnersPolicy: AccessPolicy = {
  Partner: { see: isAdmin, fields: "id name createdAt keys webhooks" },
  WebhookSubscription: { see: isAdmin, fields: "id url eventTypes createdAt cancelledAt" },
  WebhookDelivery: { see: isAdmin, fields: "id eventType status attempts nextAttemptAt lastStatusCode lastError deliveredAt createdAt attemptLog" },
  WebhookDeliveryAttempt: { see: isAdmin, fields: "id attempt attemptedAt statusCode durationMs errorClass error nextAttemptAt" },
  ApiKey: { extends: true, fields: "partner" },
  Query: { extends: true, perViewer: "currentPartner", restricted: { partners: isAdmin, webhookDeliveries: isAdmin } },
};
