// Who may read pay-it-forward funds (see graphql/access-policy.ts and access.ts): funds, rounds and contributions are
// public money (partner keys need read:funds); agreements are for their organisation's members, staff, analysts, panel
// members and read:funds partners; applications for their organisation and, once submitted, their round's panel. A
// collective application's partners (any answer) read it; its consenting partners read the agreement made from it.
import { AccessPolicy, Asker, Facts, hasRole, isAdmin, Lookup, memberOf, peopleOr } from "../../graphql/access-policy";

const readsFunds = peopleOr("read:funds");
const readsAllAgreements = (a: Asker) =>
  isAdmin(a) || hasRole("ANALYST")(a) || hasRole("PANEL_MEMBER")(a) || (a.scopes !== null && a.scopes.has("read:funds"));
const seesAgreement = (a: Asker, agreement: Facts) => readsAllAgreements(a) || memberOf(a, agreement.organisation.id)
  || agreement.partners.some((p: Facts) => memberOf(a, p.id));

/** Sits on the peer panel of the application's round now. */
function onRoundPanel(a: Asker, application: Facts, get: Lookup): boolean {
  if (!application.round || a.userId === null) return false;
  const panel = get(application.round.panelId);
  return panel.members.map((m: Facts) => get(m.id)).some((m: Facts) => m.user?.id === a.userId);
}
const seesApplication = (a: Asker, application: Facts, get: Lookup) =>
  memberOf(a, application.organisation.id) || application.partners.some((p: Facts) => memberOf(a, p.organisation.id))
  || (application.status !== "DRAFT" && onRoundPanel(a, application, get));
const readsPanelViews = (a: Asker, application: Facts, get: Lookup) => isAdmin(a) || onRoundPanel(a, application, get);

export const fundsPolicy: AccessPolicy = {
  ImpactGroup: { part: "fund" },
  RegionSummary: { part: "funding" },
  Fund: {
    see: readsFunds,
    fields: "id name description status minAward maxAward contributed awarded disbursed held available repaidCash repaidSocial"
      + " writtenOff recycled figuresBetween generations contributions rounds agreements createdAt updatedAt version",
  },
  FundGeneration: { part: "generation disbursed" },
  FundPeriodFigures: { part: "from to contributed awarded disbursed repaidCash repaidSocial writtenOff recycled" },
  FundRound: { see: readsFunds, fields: "id fund name opensOn closesOn status panelId quorum majorityRule createdAt updatedAt version" },
  Contribution: { see: readsFunds, fields: "id fund amount contributor receivedOn restriction" },
  FundMovement: {
    see: (a, o, get) => (o.agreement ? seesAgreement(a, get(o.agreement.id)) : readsFunds(a, o, get)),
    fields: "id fund agreement kind amount memo occurredOn recordedAt",
  },
  FundingApplication: {
    see: seesApplication,
    fields: "id fund round organisation partners status purpose requested cashRepaymentPlan socialRepaymentPlan submittedAt decision"
      + " agreement createdAt updatedAt version",
    restricted: { panelViews: readsPanelViews },
  },
  ApplicationPartner: { part: "organisation consent invitedAt respondedAt" },
  PanelDecision: { part: "outcome reasons viewsCounted viewsExcluded tally quorum quorumMet majorityRule override overrideReason decidedOn decidedAt" },
  DecisionTally: { part: "for against abstain excluded" },
  PanelView: {
    see: (a, o, get) => o.__parents.map(get).some((p: Facts) => p.__typename === "FundingApplication" && readsPanelViews(a, p, get)),
    fields: "id stance comment conflict conflictNote sharedClusters counted member memberOrganisation recordedAt updatedAt version",
  },
  Agreement: {
    see: seesAgreement,
    fields: "id fund round application organisation partners status amount cashRepayable socialRepayable awardedOn acceptedAt endedOn"
      + " disbursed undisbursed repaidCash repaidSocial writtenOff outstanding cashOutstanding socialOutstanding arrears"
      + " schedule schedules fundedBy movements socialRepaymentClaims createdAt updatedAt version",
  },
  AgreementFunding: { part: "amount contribution generation via" },
  Arrears: { part: "asOf due repaid amount daysOverdue oldestUnpaidDueOn scheduleVersion" },
  RepaymentSchedule: { part: "version effectiveOn startsOn termMonths holidayMonths covers paidBefore reason instalments createdAt" },
  ScheduledInstalment: { part: "number dueOn amount" },
  SocialRepaymentClaim: {
    see: (a, o, get) => seesAgreement(a, get(o.agreement.id)),
    fields: "id agreement periodFrom periodTo description evidence claimed accepted status reviewNote reviewedAt createdAt updatedAt version costed costing valueReason",
  },
  SocialClaimCosting: { part: "measurementId metricCode periodEnd quantity proxyVersion valuePerUnit value" },
  Organisation: {
    extends: true,
    restricted: { agreements: (a, o) => readsAllAgreements(a) || memberOf(a, o.id) },
  },
  // fundingSummary is not suppressed and a group may be one agreement, so it is for those who read every agreement.
  FundingSummary: { part: "from to total groups" },
  FundingFigures: { part: "organisationsFunded awarded disbursed repaidCash repaidSocial writtenOff recycled" },
  FundingGroup: { part: "organisationsFunded awarded disbursed repaidCash repaidSocial writtenOff recycled place year quarter" },
  Query: {
    extends: true, fields: "agreements applications", restricted: { funds: readsFunds, fundingSummary: readsAllAgreements },
    args: { fundingSummary: '(filter: { placeIds: ["$region"], from: "2024-01-01", to: "2026-12-31" }, groupBy: [PLACE, YEAR])' },
  },
};
