// Community asset transfers: the cases list and the mutations that start a case, set its terms and move its stages.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, Info, Resolver } from "type-graphql";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { forbidden } from "../../../graphql/errors";
import { toPayload } from "../../../graphql/payloads";
import { assetAccess } from "../access";
import { AssetTransfer } from "./transfer.entity";
import { TransfersService } from "./transfers.service";
import { listTransfers } from "./transfers.lists";
import { AssetTransferFilter, AssetTransferOrder, MoveAssetTransferInput, SetAssetTransferTermsInput, StartAssetTransferInput } from "./transfers.inputs";
import { AssetTransferConnection, AssetTransferPayload } from "./transfers.types";

@ArgsType()
class AssetTransfersArgs extends PageArgs {
  @Field(() => AssetTransferFilter, { nullable: true }) filter?: AssetTransferFilter | null;
  @Field(() => AssetTransferOrder, { nullable: true }) orderBy?: AssetTransferOrder | null;
}

@Resolver()
export class AssetTransfersResolver {
  @Query(() => AssetTransferConnection, {
    description: "Community asset transfer cases you may see: completed ones are public; cases in negotiation or withdrawn are for the parties' members, ADMIN and ANALYST.",
  })
  assetTransfers(@Args() args: AssetTransfersArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AssetTransfer>> {
    if (!assetAccess.readsRegister(ctx.viewer)) throw forbidden("This API key needs the read:public scope.");
    return listTransfers(ctx.app.db, ctx.viewer, args, args.filter ?? {}, args.orderBy, { ctx, info });
  }

  @Mutation(() => AssetTransferPayload, { description: "Express interest in an asset for an organisation you own or edit: a new case at INTEREST." })
  async startAssetTransfer(@Arg("input") input: StartAssetTransferInput, @Ctx() ctx: Context): Promise<AssetTransferPayload> {
    return toPayload(await new TransfersService(ctx.app.db).start(ctx, input));
  }

  @Mutation(() => AssetTransferPayload, { description: "Agree or change the terms until completion (ADMIN and those acting for either party)." })
  async setAssetTransferTerms(@Arg("input") input: SetAssetTransferTermsInput, @Ctx() ctx: Context): Promise<AssetTransferPayload> {
    const { transferId, ...terms } = input;
    return toPayload(await new TransfersService(ctx.app.db).setTerms(ctx, transferId, terms));
  }

  @Mutation(() => AssetTransferPayload, {
    description: "Move a case one stage on, or withdraw it before completion. COMPLETED and HANDED_OVER are recorded by ADMIN or the transferring organisation; completion puts the asset in the organisation's hands.",
  })
  async moveAssetTransfer(@Arg("input") input: MoveAssetTransferInput, @Ctx() ctx: Context): Promise<AssetTransferPayload> {
    const { transferId, ...move } = input;
    return toPayload(await new TransfersService(ctx.app.db).move(ctx, transferId, move));
  }
}
