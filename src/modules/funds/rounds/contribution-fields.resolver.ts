// Fields of contributions: the amount, day and fund of the ledger group that recorded each.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { DateScalar, Money } from "../../../graphql/scalars";
import { Fund } from "./fund.entity";
import { Contribution } from "./contribution.entity";

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
