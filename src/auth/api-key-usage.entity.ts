// What each API key has used: requests and their summed query cost, kept as one row per key (counters, not a log).
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { SafeInt } from "../graphql/scalars";

@ObjectType({ description: "A key's use since it was issued, counted by every server process (up to a few seconds behind)." })
@Entity({ name: "api_key_usage" })
export class ApiKeyUsage {
  @PrimaryColumn({ name: "api_key_id", type: "uuid" })
  apiKeyId: string;

  @Field(() => SafeInt, { description: "Operations sent with the key, refused ones included." })
  @Column({ name: "request_count", type: "bigint", default: 0 })
  requestCount: number;

  @Field(() => SafeInt, { description: "The summed query cost of those operations (what rate limits charge)." })
  @Column({ name: "query_cost", type: "bigint", default: 0 })
  queryCost: number;

  @Field({ description: "The last operation sent with the key." })
  @Column({ name: "last_used_at", type: "timestamptz" })
  lastUsedAt: Date;
}
