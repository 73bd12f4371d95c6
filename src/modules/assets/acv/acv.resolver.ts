// Assets of Community Value: nominating, the council's decision, the owner's notice, intents to bid and disposals.
import { Arg, Ctx, Resolver } from "type-graphql";
import { Mutation } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { toPayload } from "../../../graphql/payloads";
import { AcvService } from "./acv.service";
import { DecideAcvNominationInput, NominateAcvInput, NotifyAcvDisposalInput, RecordAcvDisposalInput, RegisterAcvIntentToBidInput } from "./acv.inputs";
import { AcvListingPayload } from "./acv.types";

@Resolver()
export class AcvResolver {
  @Mutation(() => AcvListingPayload, { description: "Nominate an asset as an Asset of Community Value for an eligible community body you own or edit." })
  async nominateAssetOfCommunityValue(@Arg("input") input: NominateAcvInput, @Ctx() ctx: Context): Promise<AcvListingPayload> {
    return toPayload(await new AcvService(ctx.app.db).nominate(ctx, input));
  }

  @Mutation(() => AcvListingPayload, { description: "Record the council's decision on a nomination (ADMIN): listed for five years from decidedOn, or not listed." })
  async decideAcvNomination(@Arg("input") input: DecideAcvNominationInput, @Ctx() ctx: Context): Promise<AcvListingPayload> {
    const { listingId, ...decision } = input;
    return toPayload(await new AcvService(ctx.app.db).decide(ctx, listingId, decision));
  }

  @Mutation(() => AcvListingPayload, { description: "Record the owner's notice of intended disposal (the owner organisation, or ADMIN): starts the six-week interim moratorium and the 18-month protected period." })
  async notifyAcvDisposal(@Arg("input") input: NotifyAcvDisposalInput, @Ctx() ctx: Context): Promise<AcvListingPayload> {
    const { listingId, ...notice } = input;
    return toPayload(await new AcvService(ctx.app.db).notifyDisposal(ctx, listingId, notice));
  }

  @Mutation(() => AcvListingPayload, { description: "Register a community group's intent to bid, in the interim moratorium: the first makes it a full six-month moratorium." })
  async registerAcvIntentToBid(@Arg("input") input: RegisterAcvIntentToBidInput, @Ctx() ctx: Context): Promise<AcvListingPayload> {
    const { listingId, ...intent } = input;
    return toPayload(await new AcvService(ctx.app.db).registerIntentToBid(ctx, listingId, intent));
  }

  @Mutation(() => AcvListingPayload, { description: "Record a disposal of a listed asset (the owner organisation, or ADMIN): exempt with a reason, or a relevant disposal once the moratorium allows." })
  async recordAcvDisposal(@Arg("input") input: RecordAcvDisposalInput, @Ctx() ctx: Context): Promise<AcvListingPayload> {
    const { listingId, ...disposal } = input;
    return toPayload(await new AcvService(ctx.app.db).recordDisposal(ctx, listingId, disposal));
  }
}
