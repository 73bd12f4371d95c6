// A partner API key: stored as a SHA-256 hash with a lookup prefix, scoped, revocable, last use kept.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node";
import { ApiScope } from "./roles";

@ObjectType({ implements: Node, description: "A partner API key. The secret is shown once, at creation." })
@Entity({ name: "api_key" })
export class ApiKey {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Who the key is for, e.g. the partner's name." })
  @Column({ type: "text" })
  name: string;

  @Field({ description: "The first characters of the key, to tell keys apart." })
  @Index("api_key_prefix_key", { unique: true })
  @Column({ type: "text" })
  prefix: string;

  @Column({ name: "secret_hash", type: "text" })
  secretHash: string;

  @Field(() => [ApiScope])
  @Column({ type: "text", array: true })
  scopes: ApiScope[];

  /** The partner the key belongs to (src/modules/partners); null for a key made on its own with createApiKey. */
  @Index("api_key_partner_idx")
  @Column({ name: "partner_id", type: "uuid", nullable: true })
  partnerId: string | null;

  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdBy: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: "last_used_at", type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;
}
