// Who may read community-led housing (see graphql/access-policy.ts and access.ts): schemes and their homes are public
// (partner keys need read:public); partnership terms and the umbrella body's costs are for ADMIN, ANALYST and the
// members of the lead and partner organisations.
import { AccessPolicy, Asker, Facts, hasRole, memberOf, peopleOr } from "../../graphql/access-policy";

const readsTerms = (a: Asker, s: Facts) => hasRole("ANALYST")(a) || memberOf(a, s.leadOrganisation.id) || memberOf(a, s.partner?.id);

export const housingPolicy: AccessPolicy = {
  RegionSummary: { part: "homes" },
  HousingRegionFiguresType: { part: "schemesInPipeline homesPlanned homesCompleted emptyHomesCompleted newBuildCompleted" },
  HousingScheme: {
    see: peopleOr("read:public"),
    fields: "id name description leadOrganisation partner place site stage stageHistory startedOn completedOn homes"
      + " homesPlanned homesCompleted completions createdAt updatedAt version",
    restricted: { partnership: readsTerms, umbrellaCostsRecouped: readsTerms },
  },
  HousingPartnership: { part: "leaseTermYears groundRent freeholdHeldByClt buyBackOption" },
  SchemeHomes: { part: "tenure route planned completed" },
  SchemeStageChange: { part: "stage movedOn movedBy note recordedAt" },
  HomesCompletion: { part: "completedOn homes tenure route recordedAt" },
  HomesDeliveredInYear: { part: "place year homes newBuild emptyHomes byTenure" },
  TenureHomes: { part: "tenure homes" },
  Query: {
    extends: true,
    fields: "housingSchemes",
    restricted: { homesDelivered: peopleOr("read:public") },
    args: { homesDelivered: '(placeIds: ["$region"], fromYear: 2015, toYear: 2026)' },
  },
};
