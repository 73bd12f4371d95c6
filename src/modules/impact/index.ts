// The impact module: the metric catalogue with versioned £ proxy values, measurements with revisions and verification,
// organisations' yearly facts, impactSummary and regionSummary for combined-authority dashboards, and the extension
// points through which later modules add organisation sets (funds) and region figures (funds, assets, housing).
import { impactScopes } from "./impact.scopes";
import type { KithModule } from "../../kith-module";
import { ImpactMetric, ImpactProxyValue } from "./metric.entity";
import { ImpactMeasurement, MeasurementRevision } from "./measurement.entity";
import { OrganisationYear } from "./organisation-year.entity";
import { Impact1764200000700 } from "./migrations/1764200000700-Impact";
import { ImpactRollup1765000070000 } from "./migrations/1765000070000-ImpactRollup";
import { ImpactPresenceYear1765000090000 } from "./migrations/1765000090000-ImpactPresenceYear";
import { ImpactResolver } from "./impact.resolver";
import {
  ImpactGroupFieldsResolver, ImpactMeasurementFieldsResolver, ImpactMetricFieldsResolver, ImpactProxyValueFieldsResolver,
  MeasureFiguresFieldsResolver, OrganisationImpactResolver, OrganisationYearFieldsResolver,
} from "./impact-fields.resolver";
import { impactLoaders } from "./impact.loaders";
import { metricRelations, organisationImpactRelations } from "./impact.relations";
import { regionFigureSources } from "./impact.api";
import { organisationRegionFigures } from "./organisation-figures";
import { impactAccess } from "./access";
import { impactPolicy } from "./access.policy";
import { loadDemoImpact } from "./impact.demo";
import { generateScaleImpact } from "./impact.scale";

export const impactModule: KithModule = {
  name: "impact",
  scopes: impactScopes,
  entities: [ImpactMetric, ImpactProxyValue, ImpactMeasurement, MeasurementRevision, OrganisationYear],
  migrations: [Impact1764200000700, ImpactRollup1765000070000, ImpactPresenceYear1765000090000],
  resolvers: [
    ImpactResolver, ImpactMetricFieldsResolver, ImpactProxyValueFieldsResolver, MeasureFiguresFieldsResolver, ImpactGroupFieldsResolver,
    ImpactMeasurementFieldsResolver, OrganisationYearFieldsResolver, OrganisationImpactResolver,
  ],
  accessPolicy: impactPolicy,
  uploadMutations: ["importMeasurements"],
  loaders: impactLoaders,
  relations: [metricRelations, organisationImpactRelations].flatMap((r) => Object.values(r)),
  contributes: [regionFigureSources.provide(organisationRegionFigures)],
  nodeTypes: {
    ImpactMetric: { load: async (ctx, key) => (impactAccess.readCatalogue(ctx.viewer) ? ctx.loaders.impactMetricById.load(key) : null) },
    ImpactMeasurement: {
      async load(ctx, key) {
        const x = await ctx.loaders.impactMeasurementById.load(key);
        return x && impactAccess.readOrganisation(ctx.viewer, x.organisationId) ? x : null;
      },
    },
  },
  demo: loadDemoImpact,
  scale: generateScaleImpact,
};
