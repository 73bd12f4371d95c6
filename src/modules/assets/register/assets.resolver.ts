// The asset register: the assets list, uplift per place, and the mutations that register, change and value assets.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, Info, Resolver } from "type-graphql";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { IdListField } from "../../../graphql/input-fields";
import { forbidden } from "../../../graphql/errors";
import { toPayload } from "../../../graphql/payloads";
import { assetAccess } from "../access";
import { Asset } from "./asset.entity";
import { RegisterService } from "./register.service";
import { listAssets } from "./assets.lists";
import { upliftByPlace } from "./uplift";
import { AssetFilter, AssetOrder, RecordAssetValuationInput, RegisterAssetInput, UpdateAssetInput } from "./register.inputs";
import { AssetConnection, AssetPayload, AssetUplift, AssetValuationPayload, PlaceAssetUplift } from "./register.types";

@ArgsType()
class AssetsArgs extends PageArgs {
  @Field(() => AssetFilter, { nullable: true }) filter?: AssetFilter | null;
  @Field(() => AssetOrder, { nullable: true }) orderBy?: AssetOrder | null;
}

@ArgsType()
class AssetUpliftArgs {
  @IdListField("Place", { max: 50, description: "The places to report, each with the places inside it." }) placeIds: string[];
}

const NO_PUBLIC_SCOPE = "This API key needs the read:public scope.";

@Resolver()
export class AssetsResolver {
  @Query(() => AssetConnection, { description: "The asset register: land and buildings, who owns them and who in the community holds them. Public; partners need read:public." })
  assets(@Args() args: AssetsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Asset>> {
    if (!assetAccess.readsRegister(ctx.viewer)) throw forbidden(NO_PUBLIC_SCOPE);
    return listAssets(ctx.app.db, ctx.viewer, args, args.filter ?? {}, args.orderBy, { ctx, info });
  }

  @Query(() => [PlaceAssetUplift], { description: "Per place asked (its child places included), the uplift in value of the assets in community hands since they were transferred." })
  async assetUplift(@Args() { placeIds }: AssetUpliftArgs, @Ctx() ctx: Context): Promise<PlaceAssetUplift[]> {
    if (!assetAccess.readsRegister(ctx.viewer)) throw forbidden(NO_PUBLIC_SCOPE);
    return (await upliftByPlace(ctx.app.db, placeIds)).map(({ placeId, totals }) => Object.assign(new PlaceAssetUplift(), AssetUplift.of(totals), { placeId }));
  }

  @Mutation(() => AssetPayload, { description: "Add an asset to the register (ADMIN; an organisation's owners and editors for what it owns)." })
  async registerAsset(@Arg("input") input: RegisterAssetInput, @Ctx() ctx: Context): Promise<AssetPayload> {
    return toPayload(await new RegisterService(ctx.app.db).register(ctx, input));
  }

  @Mutation(() => AssetPayload, { description: "Change an asset's record (ADMIN; those acting for its owner or holder). Needs expectedVersion." })
  async updateAsset(@Arg("input") input: UpdateAssetInput, @Ctx() ctx: Context): Promise<AssetPayload> {
    const { assetId, ...changes } = input;
    return toPayload(await new RegisterService(ctx.app.db).update(ctx, assetId, changes));
  }

  @Mutation(() => AssetValuationPayload, { description: "Record a valuation (ADMIN; those acting for the owner or holder). Valuations are never edited." })
  async recordAssetValuation(@Arg("input") input: RecordAssetValuationInput, @Ctx() ctx: Context): Promise<AssetValuationPayload> {
    const { assetId, ...valuation } = input;
    return toPayload(await new RegisterService(ctx.app.db).recordValuation(ctx, assetId, valuation));
  }
}
