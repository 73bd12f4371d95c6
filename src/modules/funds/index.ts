// The funds module: pay-it-forward funds, applications, peer decisions, agreements, repayments and the recycling ledger.
import type { KithModule } from "../../kith-module";
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
import { FundsResolver } from "./rounds/funds.resolver";
import { ApplicationsResolver } from "./applications/applications.resolver";
import { AgreementsResolver } from "./agreements/agreements.resolver";
import { ContributionFieldsResolver, FundFieldsResolver, FundMovementFieldsResolver, FundRoundFieldsResolver } from "./rounds/fund-fields.resolver";
import { FundingApplicationFieldsResolver, PanelViewFieldsResolver } from "./applications/application-fields.resolver";
import { AgreementFieldsResolver, AgreementFundingFieldsResolver, RepaymentScheduleFieldsResolver, ScheduledInstalmentFieldsResolver, SocialRepaymentClaimFieldsResolver } from "./agreements/agreement-fields.resolver";
import { OrganisationAgreementsResolver } from "./agreements/organisation-agreements.resolver";
import { fundsLoaders } from "./funds.loaders";
import { loadDemoFunds } from "./funds.demo";
import { generateScaleFunds } from "./funds.scale";
import { fundAccess } from "./access";
import { onRoundPanel, visibleAgreement, visibleApplication } from "./visibility";

export const fundsModule: KithModule = {
  name: "funds",
  entities: [
    Fund, FundRound, FundingApplication, PanelView, PanelDecision, Agreement, RepaymentSchedule, ScheduledInstalment,
    SocialRepaymentClaim, LedgerAccount, LedgerGroup, LedgerPosting, Contribution, FundLot, FundAllocation,
  ],
  migrations: [Funds1763900000400],
  resolvers: [
    FundsResolver, ApplicationsResolver, AgreementsResolver, FundFieldsResolver, FundRoundFieldsResolver, ContributionFieldsResolver,
    FundMovementFieldsResolver, FundingApplicationFieldsResolver, PanelViewFieldsResolver, AgreementFieldsResolver,
    AgreementFundingFieldsResolver, RepaymentScheduleFieldsResolver, ScheduledInstalmentFieldsResolver, SocialRepaymentClaimFieldsResolver,
    OrganisationAgreementsResolver,
  ],
  loaders: fundsLoaders,
  nodeTypes: {
    Fund: { load: async (ctx, key) => (fundAccess.readFunds(ctx.viewer) ? ctx.loaders.fundById.load(key) : null) },
    FundRound: { load: async (ctx, key) => (fundAccess.readFunds(ctx.viewer) ? ctx.loaders.roundById.load(key) : null) },
    Contribution: { load: async (ctx, key) => (fundAccess.readFunds(ctx.viewer) ? ctx.loaders.contributionById.load(key) : null) },
    FundMovement: {
      async load(ctx, key) {
        const movement = await ctx.loaders.movementById.load(key);
        if (!movement) return null;
        const visible = movement.agreementId
          ? visibleAgreement(ctx, await ctx.loaders.agreementById.load(movement.agreementId)) !== null
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
        return claim && visibleAgreement(ctx, await ctx.loaders.agreementById.load(claim.agreementId)) ? claim : null;
      },
    },
  },
  demo: loadDemoFunds,
  scale: generateScaleFunds,
};
