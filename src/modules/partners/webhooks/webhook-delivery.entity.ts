// One event to one webhook: its state, attempts and the receiver's last answer (the delivery log).
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { WebhookDeliveryStatus } from "./webhook-events";

@ObjectType({ implements: Node, description: "An event's delivery to a webhook: the log ADMIN and the partner read." })
@Entity({ name: "webhook_delivery" })
@Index("webhook_delivery_event_key", ["subscriptionId", "eventId"], { unique: true })
@Index("webhook_delivery_due_idx", { synchronize: false })
@Index("webhook_delivery_subscription_idx", ["subscriptionId", "id"])
export class WebhookDelivery {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Column({ name: "subscription_id", type: "uuid" })
  subscriptionId: string;

  @Column({ name: "event_id", type: "bigint" })
  eventId: string;

  @Field({ description: "The domain event's type, e.g. agreement.activated." })
  @Column({ name: "event_type", type: "text" })
  eventType: string;

  @Field(() => WebhookDeliveryStatus)
  @Column({ type: "text", default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  attempts: number;

  @Field({ description: "When the next attempt is due (PENDING)." })
  @Column({ name: "next_attempt_at", type: "timestamptz", default: () => "now()" })
  nextAttemptAt: Date;

  @Field(() => Int, { nullable: true, description: "The HTTP status the receiver last answered; null when it did not answer." })
  @Column({ name: "last_status_code", type: "int", nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed." })
  @Column({ name: "last_error", type: "text", nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: "delivered_at", type: "timestamptz", nullable: true })
  deliveredAt: Date | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
