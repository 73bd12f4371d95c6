// The funds module: pay-it-forward funds, applications, peer decisions, agreements, repayments and the recycling ledger.
import type { KithModule } from "../../kith-module";
import { personalDataSources } from "../../auth/personal-data";
import { panelViewsOfPerson } from "./personal-data";
import { impactOrganisationSets, regionFigureSources } from "../impact/impact.api";
import { cohortHolders, fundHolders, fundingRegionFigures, ImpactGroupFundResolver } from "./funds.impact";
import { Fund } from "./rounds/fund.entity";
import { FundRound } from "./rounds/round.entity";
import { FundingApplication } from "./applications/application.entity";
import { PanelView } from "./applications/panel-view.entity";
import { PanelDecision } from "./applications/panel-decision.entity";
import { Agreement } from "./agreements/agreement.entity";
import { RepaymentSchedule, ScheduledInstalment } from "./agreements/schedule.entity";
import { SocialRepaymentClaim } from "./money/social-claim.entity";
import { LedgerAccount } from "./ledger/ledger-account.entity";
import { LedgerGroup } from "./ledger/ledger-group.entity";
import { LedgerPosting } from "./ledger/ledger-posting.entity";
import { Contribution } from "./rounds/contribution.entity";
import { FundLot } from "./ledger/lot.entity";
import { FundAllocation } from "./ledger/allocation.entity";
import { Funds1763900000400 } from "./migrations/1763900000400-Funds";
import { PanelsDecideTogether1764300000400 } from "./migrations/1764300000400-PanelsDecideTogether";
import { LedgerGroupDay1765000060000 } from "./migrations/1765000060000-LedgerGroupDay";
import { FundingGroupFieldsResolver, FundingSummaryResolver } from "./summary/funding-summary.resolver";
import { FundsResolver } from "./rounds/funds.resolver";
import { FundFieldsResolver } from "./rounds/fund-fields.resolver";
import { FundRoundFieldsResolver } from "./rounds/round-fields.resolver";
import { ContributionFieldsResolver } from "./rounds/contribution-fields.resolver";
import { ApplicationsResolver } from "./applications/applications.resolver";
import { ApplicationPartnerFieldsResolver, FundingApplicationFieldsResolver } from "./applications/application-fields.resolver";
import { ApplicationPartner } from "./applications/application-partner.entity";
import { CollectiveApplications1765000030000 } from "./migrations/1765000030000-CollectiveApplications";
import { PanelViewFieldsResolver } from "./applications/panel-view-fields.resolver";
import { PanelDecisionFieldsResolver } from "./applications/panel-decision-fields.resolver";
import { AgreementsResolver } from "./agreements/agreements.resolver";
import { AgreementFieldsResolver, AgreementFundingFieldsResolver } from "./agreements/agreement-fields.resolver";
import { RepaymentScheduleFieldsResolver, ScheduledInstalmentFieldsResolver } from "./agreements/schedule-fields.resolver";
import { OrganisationAgreementsResolver } from "./agreements/organisation-agreements.resolver";
import { MoneyResolver } from "./money/money.resolver";
import { FundMovementFieldsResolver } from "./money/movement-fields.resolver";
import { SocialRepaymentClaimFieldsResolver } from "./money/social-claim-fields.resolver";
import { fundsLoaders } from "./funds.loaders";
import { agreementRelations, fundRelations, organisationAgreementRelations } from "./funds.relations";
import { loadDemoFunds } from "./funds.demo";
import { generateScaleFunds } from "./funds.scale";
import { fundAccess, onRoundPanel, visibleAgreement, visibleApplication } from "./access";
import { fundsScopes } from "./funds.scopes";
import { fundsPolicy } from "./access.policy";

export const fundsModule: KithModule = {
  name: "funds",
  scopes: fundsScopes,
  entities: [
    Fund, FundRound, FundingApplication, PanelView, PanelDecision, Agreement, RepaymentSchedule, ScheduledInstalment,
    SocialRepaymentClaim, LedgerAccount, LedgerGroup, LedgerPosting, Contribution, FundLot, FundAllocation, ApplicationPartner,
  ],
  migrations: [Funds1763900000400, PanelsDecideTogether1764300000400, CollectiveApplications1765000030000, LedgerGroupDay1765000060000],
  resolvers: [
    ImpactGroupFundResolver,
    FundsResolver, FundFieldsResolver, FundRoundFieldsResolver, ContributionFieldsResolver,
    ApplicationsResolver, FundingApplicationFieldsResolver, ApplicationPartnerFieldsResolver, PanelViewFieldsResolver, PanelDecisionFieldsResolver,
    AgreementsResolver, AgreementFieldsResolver, AgreementFundingFieldsResolver, RepaymentScheduleFieldsResolver,
    ScheduledInstalmentFieldsResolver, OrganisationAgreementsResolver,
    MoneyResolver, FundMovementFieldsResolver, SocialRepaymentClaimFieldsResolver,
    FundingSummaryResolver, FundingGroupFieldsResolver,
  ],
  loaders: fundsLoaders,
  relations: [organisationAgreementRelations, fundRelations, agreementRelations].flatMap((r) => Object.values(r)),
  accessPolicy: fundsPolicy,
  nodeTypes: {
    Fund: { load: async (ctx, key) => (fundAccess.readFunds(ctx.viewer) ? ctx.loaders.fundById.load(key) : null) },
    FundRound: { load: async (ctx, key) => (fundAccess.readFunds(ctx.viewer) ? ctx.loaders.roundById.load(key) : null) },
    Contribution: { load: async (ctx, key) => (fundAccess.readFunds(ctx.viewer) ? ctx.loaders.contributionById.load(key) : null) },
    FundMovement: {
      async load(ctx, key) {
        const movement = await ctx.loaders.movementById.load(key);
        if (!movement) return null;
        const visible = movement.agreementId
          ? (await visibleAgreement(ctx, await ctx.loaders.agreementById.load(movement.agreementId))) !== null
          : fundAccess.readFunds(ctx.viewer);
        return visible ? movement : null;
      },
    },
    FundingApplication: { load: async (ctx, key) => visibleApplication(ctx, await ctx.loaders.applicationById.load(key)) },
    PanelView: {
      async load(ctx, key) {
        const view = await ctx.loaders.panelViewById.load(key);
        const application = view && await ctx.loaders.applicationById.load(view.applicationId);
        return application && fundAccess.readPanelViews(ctx.viewer, await onRoundPanel(ctx, application.roundId)) ? view : null;
      },
    },
    Agreement: { load: async (ctx, key) => visibleAgreement(ctx, await ctx.loaders.agreementById.load(key)) },
    SocialRepaymentClaim: {
      async load(ctx, key) {
        const claim = await ctx.loaders.claimById.load(key);
        return claim && (await visibleAgreement(ctx, await ctx.loaders.agreementById.load(claim.agreementId))) ? claim : null;
      },
    },
  },
  contributes: [
    personalDataSources.provide(panelViewsOfPerson),
    impactOrganisationSets.provide(fundHolders), impactOrganisationSets.provide(cohortHolders), regionFigureSources.provide(fundingRegionFigures),
  ],
  demo: loadDemoFunds,
  scale: generateScaleFunds,
};
