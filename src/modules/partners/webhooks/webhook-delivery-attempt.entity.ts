// One attempt to deliver a webhook: when, how the receiver answered and how long it took, why it failed and when the
// next try is due. Every attempt is kept (the delivery row holds only the latest), so a partner can see a receiver's
// history, not just its last answer.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../../graphql/node";

export enum WebhookErrorClass {
  /** The receiver answered, but not 2xx. */
  HTTP_STATUS = "HTTP_STATUS",
  /** No answer within the timeout. */
  TIMEOUT = "TIMEOUT",
  /** Refused, reset or not resolvable: no answer at all. */
  UNREACHABLE = "UNREACHABLE",
  /** The URL's host resolved to a private address (outside development). */
  PRIVATE_ADDRESS = "PRIVATE_ADDRESS",
  /** The event is larger than a webhook may carry; it is not sent and the delivery is DEAD. */
  TOO_LARGE = "TOO_LARGE",
}
registerEnumType(WebhookErrorClass, { name: "WebhookErrorClass", description: "Why a webhook attempt failed." });

@ObjectType({ implements: Node, description: "One attempt to deliver a webhook." })
@Entity({ name: "webhook_delivery_attempt" })
@Index("webhook_delivery_attempt_delivery_idx", ["deliveryId", "id"])
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Column({ name: "delivery_id", type: "bigint" })
  deliveryId: string;

  @Field(() => Int, { description: "1 for the first attempt; a redelivery starts again at 1." })
  @Column({ type: "int" })
  attempt: number;

  @Field()
  @Column({ name: "attempted_at", type: "timestamptz" })
  attemptedAt: Date;

  @Field(() => Int, { nullable: true, description: "The HTTP status the receiver answered; null when it did not answer." })
  @Column({ name: "status_code", type: "int", nullable: true })
  statusCode: number | null;

  @Field(() => Int, { description: "From sending the request to the end of the answer (or giving up), in milliseconds." })
  @Column({ name: "duration_ms", type: "int" })
  durationMs: number;

  @Field(() => WebhookErrorClass, { nullable: true, description: "Null when the attempt delivered." })
  @Column({ name: "error_class", type: "text", nullable: true })
  errorClass: WebhookErrorClass | null;

  @Field(() => String, { nullable: true, description: "What went wrong, in words." })
  @Column({ type: "text", nullable: true })
  error: string | null;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due; null when this one delivered or was the last." })
  @Column({ name: "next_attempt_at", type: "timestamptz", nullable: true })
  nextAttemptAt: Date | null;
}
