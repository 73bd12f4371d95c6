// Money for agreements: the mutations that disburse, record cash repaid, and claim and review social repayment.
import { Arg, Ctx, Resolver } from "type-graphql";
import { Mutation } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { toPayload } from "../../../graphql/payloads";
import { DisbursementsService } from "./disbursements.service";
import { RepaymentsService } from "./repayments.service";
import { AgreementMoneyInput, ClaimSocialRepaymentInput, ReviewSocialRepaymentInput } from "./money.inputs";
import { FundMovementPayload, SocialRepaymentClaimPayload } from "./money.types";

@Resolver()
export class MoneyResolver {
  @Mutation(() => FundMovementPayload, { description: "Disburse money to an accepted agreement (ADMIN). Never beyond the award or the fund. Idempotent by key." })
  async disburse(@Arg("input") input: AgreementMoneyInput, @Ctx() ctx: Context): Promise<FundMovementPayload> {
    return toPayload(await new DisbursementsService(ctx.app.db).disburse(ctx, input.agreementId, input));
  }

  @Mutation(() => FundMovementPayload, { description: "Record cash repaid (ADMIN). Never beyond what is outstanding. Idempotent by key." })
  async recordCashRepayment(@Arg("input") input: AgreementMoneyInput, @Ctx() ctx: Context): Promise<FundMovementPayload> {
    return toPayload(await new RepaymentsService(ctx.app.db).recordCashRepayment(ctx, input.agreementId, input));
  }

  @Mutation(() => SocialRepaymentClaimPayload, { description: "Claim social value delivered against the social part (the organisation's owners and editors). Idempotent by key." })
  async claimSocialRepayment(@Arg("input") input: ClaimSocialRepaymentInput, @Ctx() ctx: Context): Promise<SocialRepaymentClaimPayload> {
    return toPayload(await new RepaymentsService(ctx.app.db).claimSocialRepayment(ctx, input.agreementId, input));
  }

  @Mutation(() => SocialRepaymentClaimPayload, { description: "Accept (crediting the agreement) or reject a social repayment claim (ADMIN). Idempotent by key." })
  async reviewSocialRepayment(@Arg("input") input: ReviewSocialRepaymentInput, @Ctx() ctx: Context): Promise<SocialRepaymentClaimPayload> {
    return toPayload(await new RepaymentsService(ctx.app.db).reviewSocialRepayment(ctx, input.claimId, input));
  }
}
