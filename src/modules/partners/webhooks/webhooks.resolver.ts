// Webhooks' queries and mutations: the delivery log (ADMIN: every partner's; a key: its partner's), subscribing,
// cancelling and redelivering. IDs arrive decoded.
import { Arg, Args, ArgsType, Ctx, Field, Resolver } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs, paginate } from "../../../graphql/connection";
import { Mutation, Query } from "../../../graphql/operations";
import { toPayload } from "../../../graphql/payloads";
import { forbidden } from "../../../graphql/errors";
import { isAdmin } from "../../../auth/viewer";
import { partnerAccess } from "../access";
import { WebhooksService } from "./webhooks.service";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { CancelWebhookInput, RedeliverWebhookInput, SubscribeWebhookInput, WebhookDeliveryFilter } from "./webhooks.inputs";
import { SubscribeWebhookPayload, WebhookDeliveryConnection, WebhookDeliveryPayload, WebhookSubscriptionPayload } from "./webhooks.types";

@ArgsType()
class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => WebhookDeliveryFilter, { nullable: true }) filter?: WebhookDeliveryFilter | null;
}

const NEWEST_FIRST = { name: "newest", keys: ["d.id"], direction: "DESC" as const };

@Resolver()
export class WebhooksResolver {
  @Query(() => WebhookDeliveryConnection, { description: "The webhook delivery log, newest first: ADMIN sees every partner's, a partner key its own." })
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @Ctx() ctx: Context): Promise<ConnectionResult<WebhookDelivery>> {
    const own = partnerAccess.ownPartner(ctx.viewer);
    if (!isAdmin(ctx.viewer) && !own) throw forbidden("Only ADMIN and partner keys read webhook deliveries.");
    const qb = ctx.app.db.getRepository(WebhookDelivery).createQueryBuilder("d")
      .innerJoin("webhook_subscription", "s", "s.id = d.subscription_id");
    if (!isAdmin(ctx.viewer)) qb.andWhere("s.partner_id = :own", { own });
    if (args.filter?.subscriptionId) qb.andWhere("d.subscription_id = :sub", { sub: args.filter.subscriptionId });
    if (args.filter?.status) qb.andWhere("d.status = :status", { status: args.filter.status });
    return paginate(qb, NEWEST_FIRST, args);
  }

  @Mutation(() => SubscribeWebhookPayload, { description: "Send chosen events to an https URL, signed (a partner key for its partner, ADMIN for any)." })
  async subscribeWebhook(@Arg("input") input: SubscribeWebhookInput, @Ctx() ctx: Context): Promise<SubscribeWebhookPayload> {
    return toPayload(await new WebhooksService(ctx.app.db, ctx.app.config.nodeEnv).subscribe(ctx, input));
  }

  @Mutation(() => WebhookSubscriptionPayload, { description: "Stop a webhook; deliveries not yet made become DEAD." })
  async cancelWebhook(@Arg("input") input: CancelWebhookInput, @Ctx() ctx: Context): Promise<WebhookSubscriptionPayload> {
    return toPayload(await new WebhooksService(ctx.app.db, ctx.app.config.nodeEnv).cancel(ctx, input.id));
  }

  @Mutation(() => WebhookDeliveryPayload, { description: "Send a delivery again, with a fresh set of retries." })
  async redeliverWebhook(@Arg("input") input: RedeliverWebhookInput, @Ctx() ctx: Context): Promise<WebhookDeliveryPayload> {
    return toPayload(await new WebhooksService(ctx.app.db, ctx.app.config.nodeEnv).redeliver(ctx, input.deliveryId));
  }
}
