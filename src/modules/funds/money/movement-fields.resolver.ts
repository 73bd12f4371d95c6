// Fields of movements of money: the fund, and the agreement it was for when the viewer may see it.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { Fund } from "../rounds/fund.entity";
import { Agreement } from "../agreements/agreement.entity";
import { visibleAgreement } from "../access";
import { FundMovement } from "./money.types";

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
