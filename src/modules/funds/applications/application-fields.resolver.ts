// Fields of applications, each through a loader and the fund's access rules.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { Money, money } from "../../../graphql/scalars";
import { Organisation } from "../../organisations/organisation.entity";
import { FundingApplication } from "./application.entity";
import { Fund } from "../rounds/fund.entity";
import { FundRound } from "../rounds/round.entity";
import { PanelView } from "./panel-view.entity";
import { ApplicationPartner } from "./application-partner.entity";
import { PanelDecision } from "./panel-decision.entity";
import { Agreement } from "../agreements/agreement.entity";
import { fundAccess, onRoundPanel, visibleAgreement } from "../access";

@Resolver(() => FundingApplication)
export class FundingApplicationFieldsResolver {
  @FieldResolver(() => Money)
  requested(@Root() a: FundingApplication): Money {
    return money(a.requestedPence);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() a: FundingApplication, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(a.organisationId);
  }

  @FieldResolver(() => [ApplicationPartner], { description: "A collective application's partner organisations and their answers (empty for one organisation's)." })
  partners(@Root() a: FundingApplication, @Ctx() ctx: Context): Promise<ApplicationPartner[]> {
    return ctx.loaders.partnersByApplication.load(a.id);
  }

  @FieldResolver(() => Fund)
  async fund(@Root() a: FundingApplication, @Ctx() ctx: Context): Promise<Fund> {
    return (await ctx.loaders.fundById.load(a.fundId))!;
  }

  @FieldResolver(() => FundRound, { nullable: true, description: "Null for a draft not yet placed in a round." })
  round(@Root() a: FundingApplication, @Ctx() ctx: Context): Promise<FundRound | null> | null {
    return a.roundId ? ctx.loaders.roundById.load(a.roundId) : null;
  }

  @FieldResolver(() => [PanelView], { nullable: true, description: "Each panel member's view: the round's panel and ADMIN only; null otherwise." })
  async panelViews(@Root() a: FundingApplication, @Ctx() ctx: Context): Promise<PanelView[] | null> {
    return fundAccess.readPanelViews(ctx.viewer, await onRoundPanel(ctx, a.roundId)) ? ctx.loaders.panelViewsByApplication.load(a.id) : null;
  }

  @FieldResolver(() => PanelDecision, { nullable: true, description: "The panel's decision and reasons, once made." })
  decision(@Root() a: FundingApplication, @Ctx() ctx: Context): Promise<PanelDecision | null> {
    return ctx.loaders.decisionByApplication.load(a.id);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement an offer created." })
  async agreement(@Root() a: FundingApplication, @Ctx() ctx: Context): Promise<Agreement | null> {
    return visibleAgreement(ctx, await ctx.loaders.agreementByApplication.load(a.id));
  }
}

@Resolver(() => ApplicationPartner)
export class ApplicationPartnerFieldsResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() p: ApplicationPartner, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(p.organisationId);
  }
}
