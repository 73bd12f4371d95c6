// Who may read impact (see graphql/access-policy.ts and access.ts): the catalogue is public (partner keys list it
// with read:public, and refetch a measure with read:public or read:impact); an organisation's own figures,
// measurements and yearly facts are its members' and
// ADMIN's; summaries are for ADMIN, ANALYST and read:impact keys, and what they show depends on who asks (small groups
// are suppressed for everyone but ADMIN), so the matrix does not compare them with ADMIN's reading: the suppression
// tests in tests/impact do.
import { AccessPolicy, Asker, Facts, memberOf } from "../../graphql/access-policy";

const readsCatalogue = (a: Asker) => a.scopes === null || a.scopes.has("read:public") || a.scopes.has("read:impact");
/** The catalogue's list is a root field, whose key scope is read:public (impact.scopes.ts); by ID, read:impact also sees a measure. */
const listsCatalogue = (a: Asker) => a.scopes === null || a.scopes.has("read:public");
const ownOrganisation = (a: Asker, o: Facts) => memberOf(a, o.id);

export const impactPolicy: AccessPolicy = {
  ImpactMetric: { see: readsCatalogue, fields: "id code name definition unit theme aggregation proxyValues createdAt updatedAt version" },
  ImpactProxyValue: { part: "version valuePerUnit validFrom source demo" },
  ImpactMeasurement: {
    see: (a, x) => memberOf(a, x.organisation.id),
    fields: "id metric organisation periodStart periodEnd quantity evidence source verifiedAt createdAt updatedAt version",
  },
  OrganisationYear: { part: "year turnover employeesFte volunteers externalFunding version updatedAt" },
  OrganisationImpact: { part: "socialValue measures" },
  MeasureFigures: { part: "metric quantity socialValue measurements proxyVersions" },
  ImpactSummary: { part: "from to total groups" },
  ImpactFigures: { part: "suppressed organisationCount socialValue measures" },
  ImpactGroup: { part: "suppressed organisationCount socialValue measures place cluster theme year quarter" },
  RegionSummary: { part: "from to socialValueByTheme organisations" },
  ThemeSocialValue: { part: "theme suppressed socialValue" },
  OrganisationRegionFigures: { part: "registered eligible inClusters" },
  Organisation: {
    extends: true,
    restricted: { impact: ownOrganisation, measurements: ownOrganisation, yearlyFacts: ownOrganisation },
    args: { impact: '(from: "2024-01-01", to: "2024-12-31")' },
  },
  Query: {
    extends: true,
    restricted: { impactMetrics: listsCatalogue },
    perViewer: "impactSummary regionSummary",
    args: {
      impactSummary: '(filter: { placeIds: ["$region"], from: "2024-01-01", to: "2025-12-31" }, groupBy: [PLACE, YEAR])',
      regionSummary: '(placeId: "$region", from: "2024-01-01", to: "2025-12-31")',
    },
  },
};
