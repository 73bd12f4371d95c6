// ADMIN creates, lists and revokes partner API keys.
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { ArrayMaxSize, MaxLength } from "class-validator";
import type { Context } from "../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs, paginate } from "../graphql/connection";
import { UserError, userError } from "../graphql/errors";
import { keyOf } from "../graphql/ids";
import { ApiKey } from "./api-key.entity";
import { ApiKeysService } from "./api-keys.service";
import { ApiScope, Role } from "./roles";

@InputType()
class CreateApiKeyInput {
  @Field() @MaxLength(200) name: string;
  @Field(() => [ApiScope]) @ArrayMaxSize(20) scopes: ApiScope[];
}

@InputType()
class RevokeApiKeyInput {
  @Field(() => ID) id: string;
}

@ObjectType()
class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true }) apiKey: ApiKey | null;
  @Field(() => String, { nullable: true, description: "The key itself. Shown once: store it now; only its hash is kept." })
  secret: string | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
class RevokeApiKeyPayload {
  @Field(() => ApiKey, { nullable: true }) apiKey: ApiKey | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

const ApiKeyConnection = ConnectionType(ApiKey, "ApiKey");
const NEWEST_FIRST = { name: "createdAt", keys: ["k.created_at", "k.id"], direction: "DESC" as const };

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  @Authorized(Role.ADMIN)
  @Query(() => ApiKeyConnection, { description: "Partner API keys, newest first (ADMIN)." })
  apiKeys(@Args() page: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ApiKey>> {
    return paginate(ctx.app.db.getRepository(ApiKey).createQueryBuilder("k"), NEWEST_FIRST, page);
  }

  @Mutation(() => CreateApiKeyPayload)
  async createApiKey(@Arg("input") input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreateApiKeyPayload> {
    const r = await new ApiKeysService(ctx.app.db).create(ctx, input.name, input.scopes);
    if ("errors" in r) return { apiKey: null, secret: null, userErrors: r.errors };
    return { apiKey: r.apiKey, secret: r.secret, userErrors: [] };
  }

  @Mutation(() => RevokeApiKeyPayload)
  async revokeApiKey(@Arg("input") input: RevokeApiKeyInput, @Ctx() ctx: Context): Promise<RevokeApiKeyPayload> {
    const key = keyOf(input.id, "ApiKey");
    if (!key) return { apiKey: null, userErrors: [userError("id", "INVALID_ID", "That is not an API key's ID.")] };
    const r = await new ApiKeysService(ctx.app.db).revoke(ctx, key);
    if ("errors" in r) return { apiKey: null, userErrors: r.errors };
    return { apiKey: r.apiKey, userErrors: [] };
  }
}
