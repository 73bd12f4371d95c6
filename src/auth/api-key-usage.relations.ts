// A key's use, read folded into the list that selects it (apiKeys, a partner's keys) or batched per request.
import type { Context } from "../graphql/context";
import { relationsOf } from "../graphql/relations";
import { rowShape } from "../graphql/rows";
import { Sql } from "../graphql/sql";
import { ApiKeyUsage } from "./api-key-usage.entity";

export const apiKeyUsageRelations = relationsOf("ApiKey", {
  usage: {
    kind: "one", target: () => ApiKeyUsage,
    from: (ctx: Context) => Sql.raw(`SELECT ${rowShape(ctx.app.db, ApiKeyUsage).select("u")}, u.api_key_id AS __parent FROM api_key_usage u`),
  },
});
