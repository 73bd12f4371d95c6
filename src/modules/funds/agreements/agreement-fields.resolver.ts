// Fields of agreements: terms, money from the ledger, schedules, arrears, movements, claims and lineage.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { mapValue, readRelation } from "../../../graphql/relations";
import { Needs } from "../../../graphql/folding";
import { agreementRelations } from "../funds.relations";
import type { Context } from "../../../graphql/context";
import { DateScalar, Money, money } from "../../../graphql/scalars";
import { Organisation } from "../../organisations/organisation.entity";
import { Agreement } from "./agreement.entity";
import { Fund } from "../rounds/fund.entity";
import { FundRound } from "../rounds/round.entity";
import { Contribution } from "../rounds/contribution.entity";
import { FundingApplication } from "../applications/application.entity";
import { RepaymentSchedule } from "./schedule.entity";
import { SocialRepaymentClaim } from "../money/social-claim.entity";
import { FundMovement } from "../money/money.types";
import { AgreementBalance, toAgreementBalance } from "../ledger/figures";
import { AgreementFunding, Arrears } from "./agreements.types";
import { visibleAgreement, visibleApplication } from "../access";
import { londonDate } from "../../../kit/calendar";

type Maybe<T> = Promise<T> | T;
/** The agreement's row of AGREEMENT_BALANCES_SQL as a balance, folded under its list or loaded for a batch. */
const balanceOf = (a: Agreement, ctx: Context, info: GraphQLResolveInfo): Maybe<AgreementBalance> =>
  mapValue(readRelation<Record<string, unknown> | null>(agreementRelations.balance, a, {}, ctx, info), (row) => toAgreementBalance(row ?? undefined));
const balance = (key: keyof AgreementBalance) => (a: Agreement, ctx: Context, info: GraphQLResolveInfo): Maybe<Money> =>
  mapValue(balanceOf(a, ctx, info), (b) => money(b[key]));

@Resolver(() => Agreement)
export class AgreementFieldsResolver {
  @FieldResolver(() => Money, { description: "The amount awarded." })
  @Needs("amountPence")
  amount(@Root() a: Agreement): Money {
    return money(a.amountPence);
  }

  @FieldResolver(() => Money, { description: "The part to repay in cash, at 0%." })
  @Needs("cashRepayablePence")
  cashRepayable(@Root() a: Agreement): Money {
    return money(a.cashRepayablePence);
  }

  @FieldResolver(() => Money, { description: "The part to repay in social value." })
  @Needs("amountPence", "cashRepayablePence")
  socialRepayable(@Root() a: Agreement): Money {
    return money(a.amountPence - a.cashRepayablePence);
  }

  @FieldResolver(() => Money)
  disbursed(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return balance("disbursedPence")(a, ctx, info); }

  @FieldResolver(() => Money, { description: "Awarded and not yet disbursed (nothing once the agreement has ended)." })
  @Needs("amountPence", "endedOn")
  async undisbursed(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Money> {
    const { disbursedPence } = await balanceOf(a, ctx, info);
    return money(a.endedOn ? 0 : a.amountPence - disbursedPence);
  }

  @FieldResolver(() => Money)
  repaidCash(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return balance("repaidCashPence")(a, ctx, info); }

  @FieldResolver(() => Money)
  repaidSocial(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return balance("repaidSocialPence")(a, ctx, info); }

  @FieldResolver(() => Money)
  writtenOff(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return balance("writtenOffPence")(a, ctx, info); }

  @FieldResolver(() => Money, { description: "Received and not yet repaid (in cash or social value) or written off." })
  outstanding(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return balance("outstandingPence")(a, ctx, info); }

  @FieldResolver(() => Money, { description: "The cash part still to repay." })
  @Needs("cashRepayablePence")
  async cashOutstanding(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Money> {
    return money(a.cashRepayablePence - (await balanceOf(a, ctx, info)).repaidCashPence);
  }

  @FieldResolver(() => Money, { description: "The social part still to repay." })
  @Needs("amountPence", "cashRepayablePence")
  async socialOutstanding(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Money> {
    return money(a.amountPence - a.cashRepayablePence - (await balanceOf(a, ctx, info)).repaidSocialPence);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(agreementRelations.organisation, a, {}, ctx, info);
  }

  @FieldResolver(() => [Organisation], { description: "The partner organisations of a collective application, each having consented (empty for one organisation's)." })
  partners(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation[]> {
    return readRelation(agreementRelations.partners, a, {}, ctx, info);
  }

  @FieldResolver(() => Fund)
  fund(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Fund> {
    return readRelation(agreementRelations.fund, a, {}, ctx, info);
  }

  @FieldResolver(() => FundRound)
  round(@Root() a: Agreement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<FundRound> {
    return readRelation(agreementRelations.round, a, {}, ctx, info);
  }

  @FieldResolver(() => FundingApplication, { nullable: true, description: "Null when the application is hidden from you." })
  async application(@Root() a: Agreement, @Ctx() ctx: Context): Promise<FundingApplication | null> {
    return visibleApplication(ctx, await ctx.loaders.applicationById.load(a.applicationId));
  }

  @FieldResolver(() => RepaymentSchedule, { description: "The current schedule version." })
  async schedule(@Root() a: Agreement, @Ctx() ctx: Context): Promise<RepaymentSchedule> {
    const versions = await ctx.loaders.schedulesByAgreement.load(a.id);
    return versions[versions.length - 1];
  }

  @FieldResolver(() => [RepaymentSchedule], { description: "Every schedule version, oldest first: rescheduling keeps the old ones." })
  schedules(@Root() a: Agreement, @Ctx() ctx: Context): Promise<RepaymentSchedule[]> {
    return ctx.loaders.schedulesByAgreement.load(a.id);
  }

  @FieldResolver(() => Arrears, { description: "Cash arrears on a day (default: today in the UK)." })
  async arrears(@Root() a: Agreement, @Ctx() ctx: Context, @Arg("asOf", () => DateScalar, { nullable: true }) asOf?: string | null): Promise<Arrears> {
    return (await ctx.loaders.arrearsOn(asOf ?? londonDate()).load(a.id))!;
  }

  @FieldResolver(() => [FundMovement], { description: "Disbursements, repayments and write-offs, oldest first." })
  movements(@Root() a: Agreement, @Ctx() ctx: Context): Promise<FundMovement[]> {
    return ctx.loaders.movementsByAgreement.load(a.id);
  }

  @FieldResolver(() => [SocialRepaymentClaim])
  socialRepaymentClaims(@Root() a: Agreement, @Ctx() ctx: Context): Promise<SocialRepaymentClaim[]> {
    return ctx.loaders.claimsByAgreement.load(a.id);
  }

  @FieldResolver(() => [AgreementFunding], { description: "What funded this agreement, traced back to the contributions, first in first out." })
  async fundedBy(@Root() a: Agreement, @Ctx() ctx: Context): Promise<AgreementFunding[]> {
    return (await ctx.loaders.lineageByAgreement.load(a.id)).map((l) => Object.assign(new AgreementFunding(), {
      contributionId: l.contributionId, viaAgreementIds: l.viaAgreementIds, amount: money(l.pence), generation: l.generation,
    }));
  }
}

@Resolver(() => AgreementFunding)
export class AgreementFundingFieldsResolver {
  @FieldResolver(() => Contribution, { description: "The contribution these pounds first came from." })
  async contribution(@Root() f: AgreementFunding, @Ctx() ctx: Context): Promise<Contribution> {
    return (await ctx.loaders.contributionById.load(f.contributionId))!;
  }

  @FieldResolver(() => [Agreement], { nullable: "items", description: "Earlier agreements the pounds were awarded to and repaid by, oldest first (null where hidden)." })
  async via(@Root() f: AgreementFunding, @Ctx() ctx: Context): Promise<(Agreement | null)[]> {
    const agreements = await ctx.loaders.agreementById.loadMany(f.viaAgreementIds);
    return Promise.all(agreements.map((a) => (a instanceof Agreement ? visibleAgreement(ctx, a) : null)));
  }
}
