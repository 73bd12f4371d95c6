// Peer offers, needs, matches and exchanges in the API: fields through loaders, and thin queries and mutations.
import { Arg, Args, ArgsType, ClassType, Ctx, Field, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { IdField } from "../../../graphql/input-fields";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { toPayload } from "../../../graphql/payloads";
import { Organisation } from "../../organisations/organisation.entity";
import { PeerPostKind } from "../cluster.enums";
import { Cluster } from "../clusters/cluster.entity";
import { PeerPost } from "./peer-post.entity";
import { PeerExchange } from "./peer-exchange.entity";
import { PeerPostsService } from "./peer-posts.service";
import { ExchangesService } from "./exchanges.service";
import { matchesFor, PeerMatch } from "./matching";
import { AcceptPeerMatchInput, ClosePeerPostInput, PostPeerSupportInput, RecordPeerExchangeInput } from "./peer-support.inputs";
import { PeerExchangePayload, PeerPostPayload } from "./peer-support.types";

@ArgsType()
class MatchesForArgs {
  @IdField("Organisation") organisationId: string;
  @Field(() => Int, { defaultValue: 10 }) first: number;
}

@Resolver(() => PeerPost)
export class PeerPostsResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() p: PeerPost, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(p.organisationId);
  }

  @Query(() => [PeerMatch], { description: "Open offers meeting the organisation's open needs: its own clusters first, then the region. Its people and ADMIN." })
  matchesFor(@Args() args: MatchesForArgs, @Ctx() ctx: Context): Promise<PeerMatch[]> {
    return matchesFor(ctx.app.db, ctx.viewer, args.organisationId, args.first);
  }

  @Mutation(() => PeerPostPayload, { description: "Offer help in a skill, for your organisation." })
  postPeerOffer(@Arg("input") input: PostPeerSupportInput, @Ctx() ctx: Context): Promise<PeerPostPayload> {
    return this.post(ctx, input, PeerPostKind.OFFER);
  }

  @Mutation(() => PeerPostPayload, { description: "Ask for help in a skill, for your organisation." })
  postPeerNeed(@Arg("input") input: PostPeerSupportInput, @Ctx() ctx: Context): Promise<PeerPostPayload> {
    return this.post(ctx, input, PeerPostKind.NEED);
  }

  @Mutation(() => PeerPostPayload, { description: "Close an offer or need of your organisation." })
  async closePeerPost(@Arg("input") input: ClosePeerPostInput, @Ctx() ctx: Context): Promise<PeerPostPayload> {
    return toPayload(await new PeerPostsService(ctx.app.db).close(ctx, input.postId));
  }

  @Mutation(() => PeerExchangePayload, { description: "Accept an offer for your organisation's need: records an AGREED exchange." })
  async acceptPeerMatch(@Arg("input") input: AcceptPeerMatchInput, @Ctx() ctx: Context): Promise<PeerExchangePayload> {
    return toPayload(await new ExchangesService(ctx.app.db).accept(ctx, input.needId, input.offerId));
  }

  @Mutation(() => PeerExchangePayload, { description: "Record the hours given and the outcome of an agreed exchange (either organisation)." })
  async recordPeerExchange(@Arg("input") input: RecordPeerExchangeInput, @Ctx() ctx: Context): Promise<PeerExchangePayload> {
    return toPayload(await new ExchangesService(ctx.app.db).record(ctx, input.exchangeId, input));
  }

  private async post(ctx: Context, input: PostPeerSupportInput, kind: PeerPostKind): Promise<PeerPostPayload> {
    return toPayload(await new PeerPostsService(ctx.app.db).post(ctx, input.organisationId, kind, input.skill, input.description));
  }
}

/**
 * The need and the offer that a match or an exchange pairs. A function, because type-graphql moves a base resolver's
 * fields onto the first class that extends it: each type gets a base of its own.
 */
function NeedAndOfferFields<T extends { needId: string; offerId: string }>(of: ClassType<T>) {
  @Resolver(() => of)
  abstract class NeedAndOffer {
    @FieldResolver(() => PeerPost, { nullable: true })
    need(@Root() pair: T, @Ctx() ctx: Context): Promise<PeerPost | null> {
      return ctx.loaders.peerPostById.load(pair.needId);
    }

    @FieldResolver(() => PeerPost, { nullable: true })
    offer(@Root() pair: T, @Ctx() ctx: Context): Promise<PeerPost | null> {
      return ctx.loaders.peerPostById.load(pair.offerId);
    }
  }
  return NeedAndOffer;
}

@Resolver(() => PeerExchange)
export class PeerExchangeFieldsResolver extends NeedAndOfferFields(PeerExchange) {
  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation that gives the help." })
  giver(@Root() e: PeerExchange, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(e.giverId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation whose need is met." })
  receiver(@Root() e: PeerExchange, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(e.receiverId);
  }
}

@Resolver(() => PeerMatch)
export class PeerMatchFieldsResolver extends NeedAndOfferFields(PeerMatch) {
  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation making the offer." })
  organisation(@Root() m: PeerMatch, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(m.offeringOrganisationId);
  }

  @FieldResolver(() => [Cluster], { description: "The clusters both organisations are in now." })
  async sharedClusters(@Root() m: PeerMatch, @Ctx() ctx: Context): Promise<Cluster[]> {
    return (await ctx.loaders.clusterById.loadMany(m.sharedClusterIds)).filter((c): c is Cluster => c instanceof Cluster);
  }
}
