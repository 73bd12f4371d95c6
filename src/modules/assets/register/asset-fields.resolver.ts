// Fields of assets (place, owner, holder, valuations, uplift, transfers, listings), of valuations, of the uplift per
// place, and the assets module's fields on the register's Organisation: assets and assetUplift.
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { mapValue, readRelation } from "../../../graphql/relations";
import { Needs } from "../../../graphql/folding";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { Money, money } from "../../../graphql/scalars";
import { Place } from "../../places/place.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { assetRelations as r, organisationAssetRelations } from "../assets.relations";
import { AssetTransfer } from "../transfers/transfer.entity";
import { AssetTransferConnection } from "../transfers/transfers.types";
import { AcvListing } from "../acv/listing.entity";
import { Asset } from "./asset.entity";
import { AssetValuation } from "./valuation.entity";
import { AssetConnection, AssetUplift, PlaceAssetUplift } from "./register.types";

type Maybe<T> = Promise<T> | T;
type UpliftRow = { value_at_transfer_pence: number; latest_value_pence: number | null } | null;

@Resolver(() => Asset)
export class AssetFieldsResolver {
  @FieldResolver(() => Place)
  place(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Place> {
    return readRelation(r.place, a, {}, ctx, info);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation that owns it; null when a public body does." })
  ownerOrganisation(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(r.ownerOrganisation, a, {}, ctx, info);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation holding it for the community, from the latest completed transfer." })
  communityHolder(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(r.communityHolder, a, {}, ctx, info);
  }

  @FieldResolver(() => [AssetValuation], { description: "Every valuation, newest first." })
  valuations(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AssetValuation[]> {
    return readRelation(r.valuations, a, {}, ctx, info);
  }

  @FieldResolver(() => AssetValuation, { nullable: true })
  latestValuation(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AssetValuation | null> {
    return readRelation(r.latestValuation, a, {}, ctx, info);
  }

  @FieldResolver(() => Money, { nullable: true, description: "The market value when it passed into community hands; null while it is not." })
  valueAtTransfer(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Money | null> {
    return mapValue(readRelation<UpliftRow>(r.uplift, a, {}, ctx, info), (u) => (u ? money(u.value_at_transfer_pence) : null));
  }

  @FieldResolver(() => Money, { nullable: true, description: "Its latest market valuation since transfer less its value at transfer; null until it is revalued." })
  upliftSinceTransfer(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Money | null> {
    return mapValue(readRelation<UpliftRow>(r.uplift, a, {}, ctx, info),
      (u) => (u && u.latest_value_pence !== null ? money(u.latest_value_pence - u.value_at_transfer_pence) : null));
  }

  @FieldResolver(() => AssetTransferConnection, { description: "Its transfer cases you may see, newest first (cases in negotiation: the parties, ADMIN and ANALYST)." })
  transfers(@Root() a: Asset, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<AssetTransfer>> {
    return readRelation(r.transfers, a, { ...args }, ctx, info);
  }

  @FieldResolver(() => AcvListing, { nullable: true, description: "Its latest listing as an Asset of Community Value (current or expired); null when never listed." })
  acvListing(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AcvListing | null> {
    return readRelation(r.acvListing, a, {}, ctx, info);
  }

  @FieldResolver(() => [AcvListing], { description: "Every nomination and listing, newest first." })
  acvListings(@Root() a: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AcvListing[]> {
    return readRelation(r.acvListings, a, {}, ctx, info);
  }
}

@Resolver(() => AssetValuation)
export class AssetValuationFieldsResolver {
  @FieldResolver(() => Money)
  @Needs("amountPence")
  amount(@Root() v: AssetValuation): Money {
    return money(v.amountPence);
  }
}

@Resolver(() => PlaceAssetUplift)
export class PlaceAssetUpliftFieldsResolver {
  @FieldResolver(() => Place)
  async place(@Root() u: PlaceAssetUplift, @Ctx() ctx: Context): Promise<Place> {
    return (await ctx.loaders.placeById.load(u.placeId))!;
  }
}

@Resolver(() => Organisation)
export class OrganisationAssetsResolver {
  @FieldResolver(() => AssetConnection, { description: "The assets the organisation owns or holds for the community, by name." })
  assets(@Root() o: Organisation, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<Asset>> {
    return readRelation(organisationAssetRelations.assets, o, { ...args }, ctx, info);
  }

  @FieldResolver(() => AssetUplift, { description: "The uplift in value of the assets it holds for the community since they were transferred." })
  assetUplift(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AssetUplift> {
    return readRelation(organisationAssetRelations.assetUplift, o, {}, ctx, info);
  }
}
