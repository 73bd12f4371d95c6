// Who may read the register (see graphql/access-policy.ts and access.ts): organisations are public record; their
// people (members, contacts) are for their members and ADMIN; eligibility assessments also for panel members and the
// combined authority's analysts. Fields other modules add to Organisation are declared in their policies.
import { AccessPolicy, anyone, Asker, Facts, hasRole, isAdmin, memberOf, peopleOr } from "../../graphql/access-policy";

const readsAssessments = (a: Asker) => isAdmin(a) || hasRole("PANEL_MEMBER")(a) || hasRole("ANALYST")(a);
const assessmentsOf = (organisationId: (o: Facts) => string) => (a: Asker, o: Facts) => readsAssessments(a) || memberOf(a, organisationId(o));
const readsThresholds = (a: Asker) => isAdmin(a) || hasRole("PANEL_MEMBER")(a);
const peopleOf = (organisationId: (o: Facts) => string) => (a: Asker, o: Facts) => memberOf(a, organisationId(o));

export const organisationsPolicy: AccessPolicy = {
  Organisation: {
    see: anyone,
    fields: "id name description legalForm identifiers assetLocked assetLockDeclared archived archivedAt createdAt updatedAt version"
      + " foundedOn governance lifecycleStage placesServed registeredPlace stoStatus tradingIncomePercent website causes"
      + " surplusDestination",
    restricted: {
      assessments: assessmentsOf((o) => o.id),
      latestAssessment: assessmentsOf((o) => o.id),
      contacts: peopleOf((o) => o.id),
      memberships: peopleOf((o) => o.id),
    },
  },
  StoAssessment: {
    see: assessmentsOf((o) => o.organisation.id),
    fields: "id organisation assessedAt assessedBy outcome reasons communityLed doesNotExportProfit keepsSurplusInRegion"
      + " notGrantOnlyCharity tradesForSocialPurpose overrideReason tests",
    restricted: { thresholds: readsThresholds },
  },
  StoTestResult: { part: "test met restsOn contradictedBy" },
  // The thresholds are for those who assess against them; an assessment names its version to them only.
  EligibilityThresholds: {
    see: readsThresholds,
    fields: "id version minTradingIncomePercent minCommunityBoardPercent assetLockRequired validFrom setBy reason setAt",
  },
  Contact: { see: peopleOf((o) => o.organisation.id), fields: "id name email phone role organisation" },
  Membership: {
    see: (a, o) => (a.userId !== null && a.userId === o.user?.id) || memberOf(a, o.organisation.id),
    fields: "id role createdAt organisation user",
  },
  Governance: { part: "boardSize communityBoardMembers membershipSize" },
  // Partner keys need read:organisations for the register (organisations.scopes.ts).
  Query: {
    extends: true,
    restricted: { organisations: peopleOr("read:organisations"), eligibilityThresholds: readsThresholds, eligibilityThresholdHistory: readsThresholds },
  },
};
