// Gatherings in the API: their fields (notes for members only) and the mutations that record them (IDs arrive decoded).
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import { readRelation } from "../../../graphql/relations";
import { gatheringRelations } from "../clusters.relations";
import { Mutation } from "../../../graphql/operations";
import { londonDate } from "../../../kit/calendar";
import type { Context } from "../../../graphql/context";
import { toPayload } from "../../../graphql/payloads";
import { Place } from "../../places/place.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { clusterAccess } from "../access";
import { Cluster } from "../clusters/cluster.entity";
import { Gathering, GatheringAttendance } from "./gathering.entity";
import { GatheringsService } from "./gatherings.service";
import { RecordAttendanceInput, RecordGatheringInput } from "./gatherings.inputs";
import { GatheringPayload } from "./gatherings.types";

@Resolver(() => Gathering)
export class GatheringsResolver {
  @FieldResolver(() => Cluster, { nullable: true })
  cluster(@Root() g: Gathering, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Cluster | null> | Cluster | null {
    return readRelation(gatheringRelations.cluster, g, {}, ctx, info);
  }

  @FieldResolver(() => Place, { nullable: true, description: "Null for a gathering only online." })
  place(@Root() g: Gathering, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Place | null> | Place | null {
    return readRelation(gatheringRelations.place, g, {}, ctx, info);
  }

  @FieldResolver(() => [GatheringAttendance], { description: "Member organisations that came, with how many people." })
  attendance(@Root() g: Gathering, @Ctx() ctx: Context): Promise<GatheringAttendance[]> {
    return ctx.loaders.attendanceByGathering.load(g.id);
  }

  @FieldResolver(() => Int)
  async peopleAttending(@Root() g: Gathering, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.attendanceByGathering.load(g.id)).reduce((n, a) => n + a.people, 0);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "For people in the organisations that were members of the cluster on the day it was held, and ADMIN; null for everyone else.",
  })
  async notes(@Root() g: Gathering, @Ctx() ctx: Context): Promise<string | null> {
    if (!clusterAccess.seeNotes.couldAllow(ctx.viewer)) return null;
    const day = londonDate(new Date(g.startsAt)); // (a folded row may carry it as text)
    const then = (await ctx.loaders.membershipPeriodsByCluster.load(g.clusterId))
      .filter((p) => p.joinedOn <= day && (p.leftOn === null || p.leftOn > day)).map((p) => p.organisationId);
    return clusterAccess.seeNotes.allows(ctx.viewer, { memberOrganisationIdsThen: then }) ? g.notes : null;
  }

  @Mutation(() => GatheringPayload, { description: "Record a gathering, and who attended if it has started (facilitators, ADMIN)." })
  async recordGathering(@Arg("input") input: RecordGatheringInput, @Ctx() ctx: Context): Promise<GatheringPayload> {
    return toPayload(await new GatheringsService(ctx.app.db).record(ctx, input.clusterId, input, input.attendance ?? []));
  }

  @Mutation(() => GatheringPayload, { description: "Record who attended a gathering (facilitators, ADMIN)." })
  async recordAttendance(@Arg("input") input: RecordAttendanceInput, @Ctx() ctx: Context): Promise<GatheringPayload> {
    return toPayload(await new GatheringsService(ctx.app.db).recordAttendance(ctx, input.gatheringId, input.attendance));
  }
}

@Resolver(() => GatheringAttendance)
export class GatheringAttendanceResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() a: GatheringAttendance, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(a.organisationId);
  }
}
