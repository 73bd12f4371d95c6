// ApiKey.usage: requests and query cost per key, for ADMIN (keys are only ever read by ADMIN and their own partner).
import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { readRelation } from "../graphql/relations";
import type { Context } from "../graphql/context";
import { ApiKey } from "./api-key.entity";
import { ApiKeyUsage } from "./api-key-usage.entity";
import { apiKeyUsageRelations } from "./api-key-usage.relations";

@Resolver(() => ApiKey)
export class ApiKeyUsageResolver {
  @FieldResolver(() => ApiKeyUsage, { nullable: true, description: "What the key has been used for; null until its first use is counted (within seconds)." })
  usage(@Root() k: ApiKey, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ApiKeyUsage | null> | ApiKeyUsage | null {
    return readRelation(apiKeyUsageRelations.usage, k, {}, ctx, info) as Promise<ApiKeyUsage | null> | ApiKeyUsage | null;
  }
}
