// Fields of decision processes (money, organiser, area, what a ballot is on, pitches, votes, result, participation, the
// viewer's own registration), pitches, votes, results and participation rows; and the ballots on transfer cases and
// housing schemes. Objects of other modules are loaded through their node types, so their access rules apply.
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Float, ID, Info, Resolver, Root } from "type-graphql";
import { readRelation } from "../../graphql/relations";
import { Needs } from "../../graphql/folding";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { Money, money } from "../../graphql/scalars";
import { toGlobalId } from "../../graphql/ids";
import { Place } from "../places/place.entity";
import { Organisation } from "../organisations/organisation.entity";
import { FundRound } from "../funds/rounds/round.entity";
import { Agreement } from "../funds/agreements/agreement.entity";
import { AssetTransfer } from "../assets/transfers/transfer.entity";
import { HousingScheme } from "../housing/scheme.entity";
import { DecisionProcess } from "./process.entity";
import { DecisionPitch } from "./pitch.entity";
import { DecisionVote } from "./vote.entity";
import { DecisionResult } from "./result.entity";
import { pitchRelations, processRelations as r, resultRelations, schemeBallotRelations, transferBallotRelations } from "./decisions.relations";
import { DecisionPitchConnection, DecisionVoteConnection, Participation, ParticipationInPlace, VoterRegistration } from "./decisions.types";
import { turnoutPercent } from "./count";

type Maybe<T> = Promise<T> | T;

/** Another module's object by its node type, so that module's access rule decides (null when hidden or absent). */
function nodeOf<T>(ctx: Context, typeName: string, key: string | null): Promise<T | null> | null {
  return key ? (ctx.app.nodeTypes.get(typeName)!.load(ctx, key) as Promise<T | null>) : null;
}

@Resolver(() => DecisionProcess)
export class DecisionProcessFieldsResolver {
  @FieldResolver(() => Money, { nullable: true, description: "Participatory budgets: the pot residents decide on." })
  @Needs("potPence")
  pot(@Root() p: DecisionProcess): Money | null {
    return p.potPence === null ? null : money(Number(p.potPence));
  }

  @FieldResolver(() => Organisation, { description: "The organisation running it." })
  organiser(@Root() p: DecisionProcess, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation> {
    return readRelation(r.organiser, p, {}, ctx, info);
  }

  @FieldResolver(() => Place, { description: "The eligible area: residents of it (and the places inside it) take part." })
  area(@Root() p: DecisionProcess, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Place> {
    return readRelation(r.area, p, {}, ctx, info);
  }

  @FieldResolver(() => FundRound, { nullable: true, description: "Budgets in a fund's round, and panels: the round." })
  @Needs("fundRoundId")
  fundRound(@Root() p: DecisionProcess, @Ctx() ctx: Context): Promise<FundRound | null> | null {
    return nodeOf(ctx, "FundRound", p.fundRoundId);
  }

  @FieldResolver(() => AssetTransfer, { nullable: true, description: "Ballots on a transfer: the case (null if you may not see it)." })
  @Needs("transferId")
  assetTransfer(@Root() p: DecisionProcess, @Ctx() ctx: Context): Promise<AssetTransfer | null> | null {
    return nodeOf(ctx, "AssetTransfer", p.transferId);
  }

  @FieldResolver(() => HousingScheme, { nullable: true, description: "Ballots on a housing scheme: the scheme." })
  @Needs("housingSchemeId")
  housingScheme(@Root() p: DecisionProcess, @Ctx() ctx: Context): Promise<HousingScheme | null> | null {
    return nodeOf(ctx, "HousingScheme", p.housingSchemeId);
  }

  @FieldResolver(() => DecisionPitchConnection, { description: "Budgets: the pitches, in the order they came." })
  pitches(@Root() p: DecisionProcess, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<DecisionPitch>> {
    return readRelation(r.pitches, p, { ...args }, ctx, info);
  }

  @FieldResolver(() => DecisionVoteConnection, { description: "The votes as cast, without voters, once the result is declared (empty before): recount them yourself." })
  votes(@Root() p: DecisionProcess, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<DecisionVote>> {
    return readRelation(r.votes, p, { ...args }, ctx, info);
  }

  @FieldResolver(() => DecisionResult, { nullable: true, description: "The declared result; null until declared." })
  result(@Root() p: DecisionProcess, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<DecisionResult | null> {
    return readRelation(r.result, p, {}, ctx, info);
  }

  @FieldResolver(() => VoterRegistration, { nullable: true, description: "Your own registration on the roll; null when you have none." })
  viewerRegistration(@Root() p: DecisionProcess, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<VoterRegistration | null> {
    return readRelation(r.viewerRegistration, p, {}, ctx, info);
  }

  @FieldResolver(() => Participation, { description: "Who took part: by place, by group where people chose to say, and the barriers they reported." })
  async participation(@Root() p: DecisionProcess, @Ctx() ctx: Context): Promise<Participation> {
    return (await ctx.loaders.participationByProcess.load(p.id))!;
  }
}

@Resolver(() => DecisionPitch)
export class DecisionPitchFieldsResolver {
  @FieldResolver(() => Money, { description: "What it asks from the pot." })
  @Needs("amountPence")
  amount(@Root() p: DecisionPitch): Money {
    return money(Number(p.amountPence));
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() p: DecisionPitch, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation> {
    return readRelation(pitchRelations.organisation, p, {}, ctx, info);
  }

  @FieldResolver(() => DecisionProcess)
  process(@Root() p: DecisionPitch, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<DecisionProcess> {
    return readRelation(pitchRelations.process, p, {}, ctx, info);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The award the fund made for it (binding budgets in a fund's round; null if you may not see it)." })
  @Needs("agreementId")
  award(@Root() p: DecisionPitch, @Ctx() ctx: Context): Promise<Agreement | null> | null {
    return nodeOf(ctx, "Agreement", p.agreementId);
  }
}

@Resolver(() => DecisionVote)
export class DecisionVoteFieldsResolver {
  @FieldResolver(() => [ID], { nullable: true, description: "Budgets: the pitches chosen." })
  @Needs("pitchIds")
  pitchIds(@Root() v: DecisionVote): string[] | null {
    return v.pitchIds?.map((id) => toGlobalId("DecisionPitch", id)) ?? null;
  }
}

@Resolver(() => DecisionResult)
export class DecisionResultFieldsResolver {
  @FieldResolver(() => Float, { description: "Votes cast as a percentage of the roll, to one decimal place." })
  @Needs("votesCast", "electorate")
  turnoutPercent(@Root() r: DecisionResult): number {
    return turnoutPercent(r.votesCast, r.electorate);
  }

  @FieldResolver(() => Money, { nullable: true, description: "Budgets: the pot given to funded pitches." })
  @Needs("allocatedPence")
  allocated(@Root() r: DecisionResult): Money | null {
    return r.allocatedPence === null ? null : money(Number(r.allocatedPence));
  }

  @FieldResolver(() => Money, { nullable: true, description: "Panels: the sum of the offers made in the round." })
  @Needs("offeredPence")
  offered(@Root() r: DecisionResult): Money | null {
    return r.offeredPence === null ? null : money(Number(r.offeredPence));
  }

  @FieldResolver(() => Boolean, { description: "Whether a recount of the stored votes, now, gives the declared figures." })
  @Needs("processId")
  recountMatches(@Root() r: DecisionResult, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.loaders.recountMatchesByProcess.load(r.processId);
  }

  @FieldResolver(() => DecisionProcess)
  process(@Root() r: DecisionResult, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<DecisionProcess> {
    return readRelation(resultRelations.process, r, {}, ctx, info);
  }
}

@Resolver(() => VoterRegistration)
export class VoterRegistrationFieldsResolver {
  @FieldResolver(() => Place)
  async place(@Root() v: VoterRegistration, @Ctx() ctx: Context): Promise<Place> {
    return (await ctx.loaders.placeById.load(v.placeId))!;
  }
}

@Resolver(() => ParticipationInPlace)
export class ParticipationInPlaceFieldsResolver {
  @FieldResolver(() => Place)
  async place(@Root() v: ParticipationInPlace, @Ctx() ctx: Context): Promise<Place> {
    return (await ctx.loaders.placeById.load(v.placeId))!;
  }
}

@Resolver(() => AssetTransfer)
export class TransferBallotsResolver {
  @FieldResolver(() => [DecisionProcess], { description: "Resident ballots on this transfer, oldest first: a binding one that rejected it stops completion." })
  communityBallots(@Root() t: AssetTransfer, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<DecisionProcess[]> {
    return readRelation(transferBallotRelations.communityBallots, t, {}, ctx, info);
  }
}

@Resolver(() => HousingScheme)
export class SchemeBallotsResolver {
  @FieldResolver(() => [DecisionProcess], { description: "Resident ballots on this scheme, oldest first, with their results." })
  communityBallots(@Root() s: HousingScheme, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<DecisionProcess[]> {
    return readRelation(schemeBallotRelations.communityBallots, s, {}, ctx, info);
  }
}
