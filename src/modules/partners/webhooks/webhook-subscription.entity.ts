// A partner's webhook: the URL that receives the events it chose, signed with the subscription's own secret.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { WebhookEventType } from "./webhook-events";

@ObjectType({ implements: Node, description: "A partner's webhook (ADMIN and the partner's keys)." })
@Entity({ name: "webhook_subscription" })
@Index("webhook_subscription_partner_idx", ["partnerId", "createdAt", "id"])
export class WebhookSubscription {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "partner_id", type: "uuid" })
  partnerId: string;

  @Field()
  @Column({ type: "text" })
  url: string;

  @Field(() => [WebhookEventType])
  @Column({ name: "event_types", type: "text", array: true })
  eventTypes: WebhookEventType[];

  /** The HMAC-SHA256 key signatures are made with: shown once, at subscription; the server must keep it to sign. */
  @Column({ type: "text" })
  secret: string;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: "cancelled_at", type: "timestamptz", nullable: true })
  cancelledAt: Date | null;
}
