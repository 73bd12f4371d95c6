// Fields of funds, rounds, contributions and movements: figures from the ledger, relations through loaders.
import { Args, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { toGlobalId } from "../../../graphql/ids";
import { DateScalar, Money, money } from "../../../graphql/scalars";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";
import { Agreement } from "../agreements/agreement.entity";
import { Contribution } from "./contribution.entity";
import { FundMovement } from "../money/movement";
import type { FundFigures } from "../ledger/figures";
import { FundGeneration } from "../funds.views";
import { agreementScope } from "../funds.lists";
import { AgreementConnection } from "../funds.types";
import { visibleAgreement } from "../visibility";

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
    return ctx.loaders.agreementsByFund.load(f.id, { ...args, scope: agreementScope(ctx.viewer) });
  }
}

@Resolver(() => FundRound)
export class FundRoundFieldsResolver {
  @FieldResolver(() => Fund)
  async fund(@Root() r: FundRound, @Ctx() ctx: Context): Promise<Fund> {
    return (await ctx.loaders.fundById.load(r.fundId))!;
  }

  @FieldResolver(() => ID, { description: "The global ID of the peer panel deciding the round (node(id:) shows it to those allowed)." })
  panelId(@Root() r: FundRound): string {
    return toGlobalId("PeerPanel", r.panelId);
  }
}

@Resolver(() => Contribution)
export class ContributionFieldsResolver {
  @FieldResolver(() => Money)
  async amount(@Root() c: Contribution, @Ctx() ctx: Context): Promise<Money> {
    return (await ctx.loaders.movementById.load(c.id))!.amount;
  }

  @FieldResolver(() => DateScalar, { description: "The day the money was received." })
  async receivedOn(@Root() c: Contribution, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.movementById.load(c.id))!.occurredOn;
  }

  @FieldResolver(() => Fund)
  async fund(@Root() c: Contribution, @Ctx() ctx: Context): Promise<Fund> {
    return (await ctx.loaders.fundById.load((await ctx.loaders.movementById.load(c.id))!.fundId))!;
  }
}

@Resolver(() => FundMovement)
export class FundMovementFieldsResolver {
  @FieldResolver(() => Fund)
  async fund(@Root() mv: FundMovement, @Ctx() ctx: Context): Promise<Fund> {
    return (await ctx.loaders.fundById.load(mv.fundId))!;
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement it was for (null for contributions, or when hidden)." })
  async agreement(@Root() mv: FundMovement, @Ctx() ctx: Context): Promise<Agreement | null> {
    return mv.agreementId ? visibleAgreement(ctx, await ctx.loaders.agreementById.load(mv.agreementId)) : null;
  }
}
