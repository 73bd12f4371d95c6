// ADMIN creates, lists and revokes partner API keys.
import { Arg, Args, Authorized, Ctx, InputType, Resolver } from "type-graphql";
import type { Context } from "../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs, paginate } from "../graphql/connection";
import { IdField, ListField, TextField } from "../graphql/input-fields";
import { Mutation, Query } from "../graphql/operations";
import { PayloadType, toPayload } from "../graphql/payloads";
import { ApiKey } from "./api-key.entity";
import { ApiKeysService } from "./api-keys.service";
import { ApiScope, Role } from "./roles";

@InputType()
class CreateApiKeyInput {
  @TextField({ max: 200 }) name: string;
  @ListField(() => ApiScope, { max: 20 }) scopes: ApiScope[];
}

@InputType()
class RevokeApiKeyInput {
  @IdField("ApiKey") id: string;
}

const CreateApiKeyPayload = PayloadType("CreateApiKeyPayload", {
  apiKey: () => ApiKey,
  secret: { type: () => String, description: "The key itself. Shown once: store it now; only its hash is kept." },
});
type CreateApiKeyPayload = InstanceType<typeof CreateApiKeyPayload>;
const RevokeApiKeyPayload = PayloadType("RevokeApiKeyPayload", { apiKey: () => ApiKey });
type RevokeApiKeyPayload = InstanceType<typeof RevokeApiKeyPayload>;

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
    return toPayload(await new ApiKeysService(ctx.app.db).create(ctx, input.name, input.scopes));
  }

  @Mutation(() => RevokeApiKeyPayload)
  async revokeApiKey(@Arg("input") input: RevokeApiKeyInput, @Ctx() ctx: Context): Promise<RevokeApiKeyPayload> {
    return toPayload(await new ApiKeysService(ctx.app.db).revoke(ctx, input.id));
  }
}
