// Agreements: the agreements list (partners sync on it) and the mutations that accept, reschedule and end them.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Info, Field, Resolver } from "type-graphql";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { toPayload } from "../../../graphql/payloads";
import { Agreement } from "./agreement.entity";
import { AgreementsService } from "./agreements.service";
import { listAgreements } from "./agreements.lists";
import { AcceptOfferInput, AgreementFilter, AgreementOrder, CloseAgreementInput, RescheduleAgreementInput, WriteOffAgreementInput } from "./agreements.inputs";
import { AgreementConnection, AgreementPayload, ReschedulePayload } from "./agreements.types";

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
  agreements(@Args() args: AgreementsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Agreement>> {
    return listAgreements(ctx.app.db, ctx.viewer, args, args.filter ?? {}, args.orderBy, { ctx, info });
  }

  @Mutation(() => AgreementPayload, { description: "Accept an offer for your organisation; money moves only after." })
  async acceptOffer(@Arg("input") input: AcceptOfferInput, @Ctx() ctx: Context): Promise<AgreementPayload> {
    return toPayload(await new AgreementsService(ctx.app.db).acceptOffer(ctx, input.agreementId, input));
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
