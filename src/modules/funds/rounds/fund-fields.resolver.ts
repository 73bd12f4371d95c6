// Fields of funds: figures from the ledger, contributions, rounds and agreements through loaders.
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { Money, money } from "../../../graphql/scalars";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";
import { Contribution } from "./contribution.entity";
import type { FundFigures } from "../ledger/figures";
import { FundGeneration } from "./funds.types";
import { Agreement } from "../agreements/agreement.entity";
import { agreementAccess } from "../access";
import { AgreementConnection } from "../agreements/agreements.types";

const figure = (key: keyof FundFigures) => async (f: Fund, ctx: Context): Promise<Money> => money((await ctx.loaders.fundFigures.load(f.id))[key]);

@Resolver(() => Fund)
export class FundFieldsResolver {
  @FieldResolver(() => Money, { description: "The smallest award the fund makes." })
  minAward(@Root() f: Fund): Money {
    return money(f.minAwardPence);
  }

  @FieldResolver(() => Money, { description: "The largest award the fund makes." })
  maxAward(@Root() f: Fund): Money {
    return money(f.maxAwardPence);
  }

  @FieldResolver(() => Money, { description: "All money contributed to the fund." })
  contributed(@Root() f: Fund, @Ctx() ctx: Context) { return figure("contributedPence")(f, ctx); }

  @FieldResolver(() => Money, { description: "Live agreements' amounts plus what ended agreements drew." })
  awarded(@Root() f: Fund, @Ctx() ctx: Context) { return figure("awardedPence")(f, ctx); }

  @FieldResolver(() => Money)
  disbursed(@Root() f: Fund, @Ctx() ctx: Context) { return figure("disbursedPence")(f, ctx); }

  @FieldResolver(() => Money, { description: "Cash repaid into the fund, ready to be awarded again." })
  repaidCash(@Root() f: Fund, @Ctx() ctx: Context) { return figure("repaidCashPence")(f, ctx); }

  @FieldResolver(() => Money, { description: "Repaid in social value delivered to communities." })
  repaidSocial(@Root() f: Fund, @Ctx() ctx: Context) { return figure("repaidSocialPence")(f, ctx); }

  @FieldResolver(() => Money)
  writtenOff(@Root() f: Fund, @Ctx() ctx: Context) { return figure("writtenOffPence")(f, ctx); }

  @FieldResolver(() => Money, { description: "Disbursed pounds that had been repaid before: money that has gone round again." })
  recycled(@Root() f: Fund, @Ctx() ctx: Context) { return figure("recycledPence")(f, ctx); }

  @FieldResolver(() => Money, { description: "What can still be awarded: contributed − awarded + repaidCash." })
  available(@Root() f: Fund, @Ctx() ctx: Context) { return figure("availablePence")(f, ctx); }

  @FieldResolver(() => Money, { description: "Money in the fund's pool now: contributed − disbursed + repaidCash." })
  held(@Root() f: Fund, @Ctx() ctx: Context) { return figure("poolPence")(f, ctx); }

  @FieldResolver(() => [FundGeneration], { description: "How many times the fund's money has gone round, by pounds disbursed." })
  async generations(@Root() f: Fund, @Ctx() ctx: Context): Promise<FundGeneration[]> {
    return (await ctx.loaders.fundGenerations.load(f.id)).map((g) => Object.assign(new FundGeneration(), { generation: g.generation, disbursed: money(g.pence) }));
  }

  @FieldResolver(() => [Contribution])
  contributions(@Root() f: Fund, @Ctx() ctx: Context): Promise<Contribution[]> {
    return ctx.loaders.contributionsByFund.load(f.id);
  }

  @FieldResolver(() => [FundRound])
  rounds(@Root() f: Fund, @Ctx() ctx: Context): Promise<FundRound[]> {
    return ctx.loaders.roundsByFund.load(f.id);
  }

  @FieldResolver(() => AgreementConnection, { description: "The fund's agreements you may see, newest award first." })
  agreements(@Root() f: Fund, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Agreement>> {
    return ctx.loaders.agreementsByFund.load(f.id, { ...args, scope: agreementAccess.scope(ctx.viewer) });
  }
}
