// Fields of listings (the asset, the nominating body, the clock of the latest notice, the state on any day), of
// notices (their moratorium and intents to bid), of intents and of disposals.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { loadRelation, mapValue, readRelation } from "../../../graphql/relations";
import { Needs } from "../../../graphql/folding";
import type { Context } from "../../../graphql/context";
import { DateScalar } from "../../../graphql/scalars";
import { londonDate } from "../../../kit/calendar";
import { Organisation } from "../../organisations/organisation.entity";
import { disposalRelations, intentRelations, listingRelations as r, noticeRelations } from "../assets.relations";
import { AcvState } from "../assets.enums";
import { Asset } from "../register/asset.entity";
import { AcvListing } from "./listing.entity";
import { AcvDisposal, AcvDisposalNotice, AcvIntentToBid } from "./notice.entity";
import { acvStateOn, moratoriumEndsOn } from "./acv-clock";

type Maybe<T> = Promise<T> | T;

@Resolver(() => AcvListing)
export class AcvListingFieldsResolver {
  @FieldResolver(() => Asset)
  asset(@Root() l: AcvListing, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Asset> {
    return readRelation(r.asset, l, {}, ctx, info);
  }

  @FieldResolver(() => Organisation, { description: "The community body that nominated it." })
  nominatedBy(@Root() l: AcvListing, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation> {
    return readRelation(r.nominatedBy, l, {}, ctx, info);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "The last day of the moratorium of the latest notice of disposal (the full one when a community group registered intent to bid); null when no notice was given." })
  moratoriumEndsOn(@Root() l: AcvListing, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<string | null> {
    return mapValue(readRelation<AcvDisposalNotice | null>(r.latestNotice, l, {}, ctx, info), (n) => (n ? moratoriumEndsOn(n) : null));
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "The last day of the protected period of the latest notice of disposal; null when no notice was given." })
  protectedUntil(@Root() l: AcvListing, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<string | null> {
    return mapValue(readRelation<AcvDisposalNotice | null>(r.latestNotice, l, {}, ctx, info), (n) => n?.protectedUntil ?? null);
  }

  @FieldResolver(() => AcvState, { description: "Where the listing stands on a day (default: today in the UK)." })
  @Needs("status", "nominatedOn", "decidedOn", "listedOn", "expiresOn")
  state(@Root() l: AcvListing, @Ctx() ctx: Context, @Arg("on", () => DateScalar, { nullable: true }) on?: string | null): Maybe<AcvState> {
    return mapValue(loadRelation<AcvDisposalNotice[]>(r.notices, l, {}, ctx), (notices) => acvStateOn(l, notices, on ?? londonDate()));
  }

  @FieldResolver(() => [AcvDisposalNotice], { description: "The owner's notices of intended disposal, oldest first." })
  notices(@Root() l: AcvListing, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AcvDisposalNotice[]> {
    return readRelation(r.notices, l, {}, ctx, info);
  }

  @FieldResolver(() => [AcvDisposal], { description: "Disposals recorded, exempt ones with their reason." })
  disposals(@Root() l: AcvListing, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AcvDisposal[]> {
    return readRelation(r.disposals, l, {}, ctx, info);
  }
}

@Resolver(() => AcvDisposalNotice)
export class AcvDisposalNoticeFieldsResolver {
  @FieldResolver(() => DateScalar, { description: "The last day the owner may not dispose (but to a bidding community group): the full moratorium's, or the interim's." })
  @Needs("interimEndsOn", "fullEndsOn")
  moratoriumEndsOn(@Root() n: AcvDisposalNotice): string {
    return moratoriumEndsOn(n);
  }

  @FieldResolver(() => [AcvIntentToBid], { description: "Community groups that asked to be treated as potential bidders, in order." })
  intentsToBid(@Root() n: AcvDisposalNotice, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<AcvIntentToBid[]> {
    return readRelation(noticeRelations.intentsToBid, n, {}, ctx, info);
  }
}

@Resolver(() => AcvIntentToBid)
export class AcvIntentToBidFieldsResolver {
  @FieldResolver(() => Organisation)
  organisation(@Root() i: AcvIntentToBid, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation> {
    return readRelation(intentRelations.organisation, i, {}, ctx, info);
  }
}

@Resolver(() => AcvDisposal)
export class AcvDisposalFieldsResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  buyer(@Root() d: AcvDisposal, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(disposalRelations.buyer, d, {}, ctx, info);
  }
}
