// The partners module: partner systems, their API keys (issued, rotated, scoped) and the organisations they may change.
import type { KithModule } from "../../kith-module";
import type { Context } from "../../graphql/context";
import { partnersScopes } from "./partners.scopes";
import { Partner } from "./partner.entity";
import { Partners1764200000200 } from "./migrations/1764200000200-Partners";
import { PartnersResolver } from "./partners.resolver";
import { ApiKeyPartnerResolver, PartnerFieldsResolver, WebhookDeliveryFieldsResolver } from "./partner-fields.resolver";
import { apiKeyPartnerRelations, partnerRelations, webhookDeliveryRelations } from "./partners.relations";
import { partnersLoaders } from "./partners.loaders";
import { partnerAccess } from "./access";
import { loadDemoPartners } from "./partners.demo";
import { partnersPolicy } from "./access.policy";
import { openDataRoutes } from "./open-data/open-data.routes";
import { WebhookSubscription } from "./webhooks/webhook-subscription.entity";
import { WebhookDelivery } from "./webhooks/webhook-delivery.entity";
import { Webhooks1764200000300 } from "./migrations/1764200000300-Webhooks";
import { WebhookDeliveryAttempts1765000080200 } from "./migrations/1765000080200-WebhookDeliveryAttempts";
import { WebhookDeliveryAttempt } from "./webhooks/webhook-delivery-attempt.entity";
import { WebhooksResolver } from "./webhooks/webhooks.resolver";
import { startWebhookWorker, webhookFanOut } from "./webhooks/webhook-delivery";
import { eventHandlers } from "../../events/domain-events";
import { registerKeyShape } from "../../graphql/ids";

registerKeyShape("WebhookDelivery", "bigint");
registerKeyShape("WebhookDeliveryAttempt", "bigint");

/** A delivery's partner, for refetching it or one of its attempts by ID. */
async function partnerOfDelivery(ctx: Context, deliveryId: string): Promise<string | null> {
  const d = await ctx.app.db.getRepository(WebhookDelivery).findOneBy({ id: deliveryId });
  const s = d && await ctx.app.db.getRepository(WebhookSubscription).findOneBy({ id: d.subscriptionId });
  return s?.partnerId ?? null;
}

export const partnersModule: KithModule = {
  name: "partners",
  scopes: partnersScopes,
  entities: [Partner, WebhookSubscription, WebhookDelivery, WebhookDeliveryAttempt],
  migrations: [Partners1764200000200, Webhooks1764200000300, WebhookDeliveryAttempts1765000080200],
  resolvers: [PartnersResolver, WebhooksResolver, PartnerFieldsResolver, ApiKeyPartnerResolver, WebhookDeliveryFieldsResolver],
  loaders: partnersLoaders,
  relations: [...Object.values(partnerRelations), ...Object.values(apiKeyPartnerRelations), ...Object.values(webhookDeliveryRelations)],
  nodeTypes: {
    Partner: { load: async (ctx, key) => (partnerAccess.see(ctx.viewer, key) ? ctx.loaders.partnerById.load(key) : null) },
    WebhookSubscription: {
      async load(ctx, key) {
        const s = await ctx.app.db.getRepository(WebhookSubscription).findOneBy({ id: key });
        return s && partnerAccess.see(ctx.viewer, s.partnerId) ? s : null;
      },
    },
    WebhookDelivery: {
      async load(ctx, key) {
        const partnerId = await partnerOfDelivery(ctx, key);
        return partnerId && partnerAccess.see(ctx.viewer, partnerId) ? ctx.app.db.getRepository(WebhookDelivery).findOneBy({ id: key }) : null;
      },
    },
    WebhookDeliveryAttempt: {
      async load(ctx, key) {
        const a = await ctx.app.db.getRepository(WebhookDeliveryAttempt).findOneBy({ id: key });
        const partnerId = a && await partnerOfDelivery(ctx, a.deliveryId);
        return partnerId && partnerAccess.see(ctx.viewer, partnerId) ? a : null;
      },
    },
  },
  accessPolicy: partnersPolicy,
  httpRoutes: openDataRoutes,
  contributes: [eventHandlers.provide(webhookFanOut)],
  workers: [(app) => startWebhookWorker(app.db, app.log, app.config.nodeEnv)],
  demo: loadDemoPartners,
};
