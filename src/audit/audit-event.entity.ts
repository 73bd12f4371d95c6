// One append-only audit event: who changed what, field by field, in which request.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node";
import { JSONObject } from "../graphql/scalars";

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

@ObjectType({ implements: Node, description: "A change made through the API. Events are never edited or deleted." })
@Entity({ name: "audit_event" })
@Index("audit_event_entity_idx", ["entityType", "entityId", "id"])
@Index("audit_event_actor_idx", ["actorUserId", "id"])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Field({ description: "What was done, e.g. organisation.update." })
  @Index("audit_event_action_idx")
  @Column({ type: "text" })
  action: string;

  @Field({ description: "The type of the changed object, e.g. Organisation." })
  @Column({ name: "entity_type", type: "text" })
  entityType: string;

  @Column({ name: "entity_id", type: "text" })
  entityId: string;

  @Column({ name: "actor_user_id", type: "uuid", nullable: true })
  actorUserId: string | null;

  @Column({ name: "actor_api_key_id", type: "uuid", nullable: true })
  actorApiKeyId: string | null;

  @Field(() => JSONObject, { description: "Changed fields: { field: { before, after } }." })
  @Column({ type: "jsonb" })
  changes: FieldChanges;

  @Field()
  @Column({ name: "request_id", type: "text" })
  requestId: string;

  @Field()
  @Index("audit_event_occurred_idx")
  @Column({ name: "occurred_at", type: "timestamptz", default: () => "now()" })
  occurredAt: Date;
}
