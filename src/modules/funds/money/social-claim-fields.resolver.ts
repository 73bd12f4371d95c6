// Fields of social repayment claims: the value claimed and credited, and the agreement.
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { Money, money } from "../../../graphql/scalars";
import { Agreement } from "../agreements/agreement.entity";
import { SocialRepaymentClaim } from "./social-claim.entity";
import { SocialClaimCosting } from "./social-claim-costing.entity";
import { toGlobalId } from "../../../graphql/ids";

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

  @FieldResolver(() => Money, { nullable: true, description: "What the cited measurements are worth at the catalogue's proxy values; the claim's value unless an agreed value was given with a reason." })
  costed(@Root() c: SocialRepaymentClaim): Money | null {
    return c.costedPence === null ? null : money(c.costedPence);
  }

  @FieldResolver(() => [SocialClaimCosting], { description: "The verified measurements the claim cites, each costed when claimed." })
  costing(@Root() c: SocialRepaymentClaim, @Ctx() ctx: Context): Promise<SocialClaimCosting[]> {
    return ctx.loaders.costingByClaim.load(c.id);
  }

  @FieldResolver(() => Agreement)
  async agreement(@Root() c: SocialRepaymentClaim, @Ctx() ctx: Context): Promise<Agreement> {
    return (await ctx.loaders.agreementById.load(c.agreementId))!;
  }
}

@Resolver(() => SocialClaimCosting)
export class SocialClaimCostingFieldsResolver {
  @FieldResolver(() => ID, { description: "The ImpactMeasurement cited (readable by the organisation's members and ADMIN)." })
  measurementId(@Root() x: SocialClaimCosting): string {
    return toGlobalId("ImpactMeasurement", x.measurementId);
  }

  @FieldResolver(() => Money, { description: "The proxy value per unit used." })
  valuePerUnit(@Root() x: SocialClaimCosting): Money {
    return money(x.valuePerUnitPence);
  }

  @FieldResolver(() => Money, { description: "Quantity × the proxy value, to the nearest penny." })
  value(@Root() x: SocialClaimCosting): Money {
    return money(x.valuePence);
  }
}
