// Fields of social repayment claims: the value claimed and credited, and the agreement.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { Money, money } from "../../../graphql/scalars";
import { Agreement } from "../agreements/agreement.entity";
import { SocialRepaymentClaim } from "./social-claim.entity";

@Resolver(() => SocialRepaymentClaim)
export class SocialRepaymentClaimFieldsResolver {
  @FieldResolver(() => Money, { description: "The value claimed." })
  claimed(@Root() c: SocialRepaymentClaim): Money {
    return money(c.valuePence);
  }

  @FieldResolver(() => Money, { nullable: true, description: "The value credited, once accepted." })
  async accepted(@Root() c: SocialRepaymentClaim, @Ctx() ctx: Context): Promise<Money | null> {
    return c.ledgerGroupId ? (await ctx.loaders.movementById.load(c.ledgerGroupId))!.amount : null;
  }

  @FieldResolver(() => Agreement)
  async agreement(@Root() c: SocialRepaymentClaim, @Ctx() ctx: Context): Promise<Agreement> {
    return (await ctx.loaders.agreementById.load(c.agreementId))!;
  }
}
