// Fields of partners (their keys), of API keys (their partner) and of webhook deliveries (their attempts), read through
// the declared relations.
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { ConnectionResult } from "../../graphql/connection";
import { PageArgs } from "../../graphql/connection";
import { readRelation } from "../../graphql/relations";
import type { Context } from "../../graphql/context";
import { ApiKey } from "../../auth/api-key.entity";
import { Partner } from "./partner.entity";
import { WebhookSubscription } from "./webhooks/webhook-subscription.entity";
import { apiKeyPartnerRelations, partnerRelations, webhookDeliveryRelations } from "./partners.relations";
import { WebhookDelivery } from "./webhooks/webhook-delivery.entity";
import type { WebhookDeliveryAttempt } from "./webhooks/webhook-delivery-attempt.entity";
import { WebhookDeliveryAttemptConnection } from "./webhooks/webhooks.types";

type Maybe<T> = Promise<T> | T;

@Resolver(() => Partner)
export class PartnerFieldsResolver {
  @FieldResolver(() => [ApiKey], { nullable: true, description: "The partner's keys, oldest first, revoked ones too (ADMIN and the partner itself)." })
  keys(@Root() p: Partner, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ApiKey[] | null> {
    return readRelation(partnerRelations.keys, p, {}, ctx, info);
  }

  @FieldResolver(() => [WebhookSubscription], { nullable: true, description: "The partner's webhooks, cancelled ones too (ADMIN and the partner itself)." })
  webhooks(@Root() p: Partner, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<WebhookSubscription[] | null> {
    return readRelation(partnerRelations.webhooks, p, {}, ctx, info);
  }
}

@Resolver(() => ApiKey)
export class ApiKeyPartnerResolver {
  @FieldResolver(() => Partner, { nullable: true, description: "The partner the key belongs to; null for a key made on its own." })
  partner(@Root() k: ApiKey, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Partner | null> {
    return readRelation(apiKeyPartnerRelations.partner, k, {}, ctx, info);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryFieldsResolver {
  @FieldResolver(() => WebhookDeliveryAttemptConnection, { description: "Every attempt to deliver it, newest first: answer, time taken, why it failed, next retry." })
  attemptLog(@Root() d: WebhookDelivery, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<WebhookDeliveryAttempt>> {
    return readRelation(webhookDeliveryRelations.attemptLog, d, { ...args }, ctx, info);
  }
}
