// The partners module: partner systems, their API keys (issued, rotated, scoped) and the organisations they may change.
import type { KithModule } from "../../kith-module";
import { partnersScopes } from "./partners.scopes";
import { Partner } from "./partner.entity";
import { Partners1764200000200 } from "./migrations/1764200000200-Partners";
import { PartnersResolver } from "./partners.resolver";
import { ApiKeyPartnerResolver, PartnerFieldsResolver } from "./partner-fields.resolver";
import { apiKeyPartnerRelations, partnerRelations } from "./partners.relations";
import { partnersLoaders } from "./partners.loaders";
import { partnerAccess } from "./access";
import { loadDemoPartners } from "./partners.demo";
import { openDataRoutes } from "./open-data/open-data.routes";

export const partnersModule: KithModule = {
  name: "partners",
  scopes: partnersScopes,
  entities: [Partner],
  migrations: [Partners1764200000200],
  resolvers: [PartnersResolver, PartnerFieldsResolver, ApiKeyPartnerResolver],
  loaders: partnersLoaders,
  relations: [...Object.values(partnerRelations), ...Object.values(apiKeyPartnerRelations)],
  nodeTypes: {
    Partner: { load: async (ctx, key) => (partnerAccess.see(ctx.viewer, key) ? ctx.loaders.partnerById.load(key) : null) },
  },
  httpRoutes: openDataRoutes,
  demo: loadDemoPartners,
};
