// Fields of funds: figures from the ledger, contributions, rounds and agreements through loaders.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { GraphQLError } from "graphql";
import { mapValue, readRelation } from "../../../graphql/relations";
import { Needs } from "../../../graphql/folding";
import { fundRelations } from "../funds.relations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { DateScalar, Money, money } from "../../../graphql/scalars";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";
import { Contribution } from "./contribution.entity";
import { FundFigures, toFundFigures } from "../ledger/figures";
import { FundGeneration, FundPeriodFigures } from "./funds.types";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementConnection } from "../agreements/agreements.types";

type Figures = Record<string, unknown>;
/** A figure from the fund's row of FUND_FIGURES_SQL, folded under the page of funds or loaded for a batch of them. */
const figure = (key: keyof FundFigures) => (f: Fund, ctx: Context, info: GraphQLResolveInfo): Maybe<Money> =>
  mapValue(readRelation<Figures | null>(fundRelations.figures, f, {}, ctx, info), (row) => money(toFundFigures(row ?? {})[key]));

type Maybe<T> = Promise<T> | T;

@Resolver(() => Fund)
export class FundFieldsResolver {
  @FieldResolver(() => Money, { description: "The smallest award the fund makes." })
  @Needs("minAwardPence")
  minAward(@Root() f: Fund): Money {
    return money(f.minAwardPence);
  }

  @FieldResolver(() => Money, { description: "The largest award the fund makes." })
  @Needs("maxAwardPence")
  maxAward(@Root() f: Fund): Money {
    return money(f.maxAwardPence);
  }

  @FieldResolver(() => Money, { description: "All money contributed to the fund." })
  contributed(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("contributedPence")(f, ctx, info); }

  @FieldResolver(() => Money, { description: "Live agreements' amounts plus what ended agreements drew." })
  awarded(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("awardedPence")(f, ctx, info); }

  @FieldResolver(() => Money)
  disbursed(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("disbursedPence")(f, ctx, info); }

  @FieldResolver(() => Money, { description: "Cash repaid into the fund, ready to be awarded again." })
  repaidCash(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("repaidCashPence")(f, ctx, info); }

  @FieldResolver(() => Money, { description: "Repaid in social value delivered to communities." })
  repaidSocial(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("repaidSocialPence")(f, ctx, info); }

  @FieldResolver(() => Money)
  writtenOff(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("writtenOffPence")(f, ctx, info); }

  @FieldResolver(() => Money, { description: "Disbursed pounds that had been repaid before: money that has gone round again." })
  recycled(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("recycledPence")(f, ctx, info); }

  @FieldResolver(() => Money, { description: "What can still be awarded: contributed − awarded + repaidCash." })
  available(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("availablePence")(f, ctx, info); }

  @FieldResolver(() => Money, { description: "Money in the fund's pool now: contributed − disbursed + repaidCash." })
  held(@Root() f: Fund, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return figure("poolPence")(f, ctx, info); }

  @FieldResolver(() => FundPeriodFigures, { description: "What moved through the fund between two UK calendar days, both included (e.g. a financial year)." })
  async figuresBetween(
    @Root() f: Fund, @Ctx() ctx: Context,
    @Arg("from", () => DateScalar) from: string, @Arg("to", () => DateScalar) to: string,
  ): Promise<FundPeriodFigures> {
    if (to < from) throw new GraphQLError("A period's `to` cannot be before its `from`.", { extensions: { code: "BAD_USER_INPUT" } });
    const p = await ctx.loaders.fundFiguresBetween(from, to).load(f.id);
    return Object.assign(new FundPeriodFigures(), {
      from, to, contributed: money(p.contributedPence), awarded: money(p.awardedPence), disbursed: money(p.disbursedPence),
      repaidCash: money(p.repaidCashPence), repaidSocial: money(p.repaidSocialPence), writtenOff: money(p.writtenOffPence), recycled: money(p.recycledPence),
    });
  }

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
  agreements(@Root() f: Fund, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<Agreement>> {
    return readRelation(fundRelations.agreements, f, { ...args }, ctx, info);
  }
}
