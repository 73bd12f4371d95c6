// GraphQL inputs of webhooks: subscribing, cancelling, redelivering, and the delivery log's filter.
import { Field, InputType } from "type-graphql";
import { IdField, ListField, TextField } from "../../../graphql/input-fields";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook-events";

@InputType({ description: "A partner key subscribes for its own partner; ADMIN names the partner." })
export class SubscribeWebhookInput {
  @IdField("Partner", { nullable: true }) partnerId?: string | null;
  @TextField({ max: 2000, description: "An https URL on a public address." }) url: string;
  @ListField(() => WebhookEventType, { max: 20 }) eventTypes: WebhookEventType[];
}

@InputType()
export class CancelWebhookInput {
  @IdField("WebhookSubscription") id: string;
}

@InputType()
export class RedeliverWebhookInput {
  @IdField("WebhookDelivery") deliveryId: string;
}

@InputType()
export class WebhookDeliveryFilter {
  @IdField("WebhookSubscription", { nullable: true }) subscriptionId?: string | null;
  @Field(() => WebhookDeliveryStatus, { nullable: true }) status?: WebhookDeliveryStatus | null;
}
