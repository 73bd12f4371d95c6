// Fields of rounds: their fund, and the peer panel that decides them.
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { toGlobalId } from "../../../graphql/ids";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";

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
