// A signed-in session: the id every session token carries, so one device's sign-in can be ended before the token expires.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node";

@ObjectType("Session", { implements: Node, description: "Where a person is signed in (one per sign-in)." })
@Entity({ name: "user_session" })
@Index("user_session_user_idx", ["userId", "createdAt", "id"])
export class UserSession {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "user_id", type: "uuid" })
  userId: string;

  @Field(() => String, { nullable: true, description: "The client that signed in (its User-Agent, shortened)." })
  @Column({ type: "text", nullable: true })
  client: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field({ description: "Last request made with this session (to within about a minute)." })
  @Column({ name: "last_used_at", type: "timestamptz", default: () => "now()" })
  lastUsedAt: Date;

  @Field()
  @Index("user_session_expires_idx")
  @Column({ name: "expires_at", type: "timestamptz" })
  expiresAt: Date;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;
}
