// Agreements: the agreements list (partners sync on it) and the mutations that accept, move money, reschedule and end them.
import { Arg, Args, ArgsType, Ctx, Field, Resolver } from "type-graphql";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { toPayload } from "../../../graphql/payloads";
import { Agreement } from "./agreement.entity";
import { AgreementsService } from "./agreements.service";
import { DisbursementsService } from "../money/disbursements.service";
import { RepaymentsService } from "../money/repayments.service";
import { listAgreements } from "../funds.lists";
import { AgreementFilter, AgreementOrder } from "../lists.inputs";
import { AcceptOfferInput, AgreementMoneyInput, ClaimSocialRepaymentInput, CloseAgreementInput, RescheduleAgreementInput, ReviewSocialRepaymentInput, WriteOffAgreementInput } from "./agreements.inputs";
import { AgreementConnection, AgreementPayload, FundMovementPayload, ReschedulePayload, SocialRepaymentClaimPayload } from "../funds.types";

@ArgsType()
class AgreementsArgs extends PageArgs {
  @Field(() => AgreementFilter, { nullable: true }) filter?: AgreementFilter | null;
  @Field(() => AgreementOrder, { nullable: true }) orderBy?: AgreementOrder | null;
}

@Resolver()
export class AgreementsResolver {
  @Query(() => AgreementConnection, {
    description: "Agreements you may see (ADMIN, ANALYST, PANEL_MEMBER and read:funds partners: all; members: their organisations').",
  })
  agreements(@Args() args: AgreementsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Agreement>> {
    return listAgreements(ctx.app.db, ctx.viewer, args, args.filter ?? {}, args.orderBy);
  }

  @Mutation(() => AgreementPayload, { description: "Accept an offer for your organisation; money moves only after." })
  async acceptOffer(@Arg("input") input: AcceptOfferInput, @Ctx() ctx: Context): Promise<AgreementPayload> {
    return toPayload(await new AgreementsService(ctx.app.db).acceptOffer(ctx, input.agreementId, input));
  }

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

  @Mutation(() => ReschedulePayload, { description: "A new schedule version for the cash still to repay; old versions are kept (ADMIN)." })
  async rescheduleAgreement(@Arg("input") input: RescheduleAgreementInput, @Ctx() ctx: Context): Promise<ReschedulePayload> {
    return toPayload(await new AgreementsService(ctx.app.db).reschedule(ctx, input.agreementId, input));
  }

  @Mutation(() => AgreementPayload, { description: "Close an offer not taken up, or an agreement with nothing outstanding (ADMIN)." })
  async closeAgreement(@Arg("input") input: CloseAgreementInput, @Ctx() ctx: Context): Promise<AgreementPayload> {
    return toPayload(await new AgreementsService(ctx.app.db).close(ctx, input.agreementId, input));
  }

  @Mutation(() => AgreementPayload, { description: "Write off what is outstanding and end the agreement (ADMIN). Idempotent by key." })
  async writeOffAgreement(@Arg("input") input: WriteOffAgreementInput, @Ctx() ctx: Context): Promise<AgreementPayload> {
    return toPayload(await new AgreementsService(ctx.app.db).writeOff(ctx, input.agreementId, input));
  }
}
