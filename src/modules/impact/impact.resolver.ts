// Impact's root fields: the catalogue, impactSummary and regionSummary for dashboards, and the mutations that record,
// correct and verify measurements, set yearly facts and keep the catalogue.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, Info, Resolver } from "type-graphql";
import { ConnectionResult, ConnectionType, PageArgs } from "../../graphql/connection";
import { Mutation, Query } from "../../graphql/operations";
import type { Context } from "../../graphql/context";
import { badInput, forbidden } from "../../graphql/errors";
import { toPayload } from "../../graphql/payloads";
import { DayField, IdField, ListField } from "../../graphql/input-fields";
import { periodProblem } from "../../kit/summary-groups";
import { impactAccess } from "./access";
import { ImpactGroupBy, ImpactTheme } from "./impact.enums";
import { ImpactMetric } from "./metric.entity";
import {
  AddProxyValueInput, CorrectMeasurementInput, DefineImpactMetricInput, ImpactFilter, RecordMeasurementInput, SetOrganisationYearInput,
  UpdateImpactMetricInput, VerifyMeasurementInput,
} from "./impact.inputs";
import {
  ImpactSummary, MeasurementPayload, MetricPayload, OrganisationYearPayload, ProxyValuePayload, RegionSummary,
} from "./impact.types";
import { impactSummary, SummaryFilter } from "./summary";
import { regionSummary } from "./region-summary";
import { MeasurementsService } from "./measurements.service";
import { CatalogueService } from "./catalogue.service";
import { listMetrics } from "./catalogue.lists";

const ImpactMetricConnection = ConnectionType(ImpactMetric, "ImpactMetric");

@ArgsType()
class ImpactSummaryArgs {
  @Field(() => ImpactFilter) filter: ImpactFilter;
  @ListField(() => ImpactGroupBy, { max: 3, nullable: true, description: "At most three dimensions." }) groupBy?: string[] | null;
}

@ArgsType()
class ImpactMetricsArgs extends PageArgs {
  @ListField(() => ImpactTheme, { max: 10, nullable: true }) themes?: ImpactTheme[] | null;
}

@ArgsType()
class RegionSummaryArgs {
  @IdField("Place", { description: "The region (or any place): it counts with every place inside it." }) placeId: string;
  @DayField() from: string;
  @DayField() to: string;
}

function checkRange(from: string, to: string): void {
  const problem = periodProblem(from, to);
  if (problem) throw badInput(problem);
}

@Resolver()
export class ImpactResolver {
  @Query(() => ImpactMetricConnection, { description: "The catalogue of measures, by code. Public; partners need read:public." })
  impactMetrics(@Args() args: ImpactMetricsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ImpactMetric>> {
    if (!impactAccess.readCatalogue(ctx.viewer)) throw forbidden("This API key needs the read:public or read:impact scope.");
    return listMetrics(ctx.app.db, args, args.themes ?? null, { ctx, info });
  }

  @Query(() => ImpactSummary, { description: "Organisations, quantities per measure and social value over whole quarters, in total and by group. ADMIN, ANALYST and read:impact keys; outside ADMIN groups of fewer than 5 organisations are suppressed." })
  async impactSummary(@Args() { filter, groupBy }: ImpactSummaryArgs, @Ctx() ctx: Context): Promise<ImpactSummary> {
    if (!impactAccess.readAggregates(ctx.viewer)) throw forbidden("Impact figures are for ADMIN, ANALYST and keys with read:impact.");
    checkRange(filter.from, filter.to);
    return impactSummary(ctx.app.db, ctx.viewer, filter as unknown as SummaryFilter, groupBy ?? []);
  }

  @Query(() => RegionSummary, { description: "The headline figures of a place and everything inside it, each from the module that owns it. ADMIN, ANALYST and read:impact keys." })
  async regionSummary(@Args() { placeId, from, to }: RegionSummaryArgs, @Ctx() ctx: Context): Promise<RegionSummary> {
    if (!impactAccess.readAggregates(ctx.viewer)) throw forbidden("Region figures are for ADMIN, ANALYST and keys with read:impact.");
    checkRange(from, to);
    return regionSummary(ctx.app.db, ctx.viewer, placeId, from, to);
  }

  @Mutation(() => MeasurementPayload, { description: "Record what an organisation achieved over a period (its owners and editors, ADMIN)." })
  async recordMeasurement(@Arg("input") input: RecordMeasurementInput, @Ctx() ctx: Context): Promise<InstanceType<typeof MeasurementPayload>> {
    return toPayload(await new MeasurementsService(ctx.app.db).record(ctx, input));
  }

  @Mutation(() => MeasurementPayload, { description: "Correct a measurement: the figures replaced are kept as a revision, and it is unverified again." })
  async correctMeasurement(@Arg("input") input: CorrectMeasurementInput, @Ctx() ctx: Context): Promise<InstanceType<typeof MeasurementPayload>> {
    const { measurementId, ...correction } = input;
    return toPayload(await new MeasurementsService(ctx.app.db).correct(ctx, measurementId, correction));
  }

  @Mutation(() => MeasurementPayload, { description: "Mark a measurement VERIFIED against its evidence (ADMIN)." })
  async verifyMeasurement(@Arg("input") input: VerifyMeasurementInput, @Ctx() ctx: Context): Promise<InstanceType<typeof MeasurementPayload>> {
    return toPayload(await new MeasurementsService(ctx.app.db).verify(ctx, input.measurementId, input.expectedVersion));
  }

  @Mutation(() => OrganisationYearPayload, { description: "Record or change an organisation's facts for a year (its owners and editors, ADMIN)." })
  async setOrganisationYear(@Arg("input") input: SetOrganisationYearInput, @Ctx() ctx: Context): Promise<InstanceType<typeof OrganisationYearPayload>> {
    return toPayload(await new MeasurementsService(ctx.app.db).setYear(ctx, input));
  }

  @Mutation(() => MetricPayload, { description: "Add a measure to the catalogue (ADMIN)." })
  async defineImpactMetric(@Arg("input") input: DefineImpactMetricInput, @Ctx() ctx: Context): Promise<InstanceType<typeof MetricPayload>> {
    return toPayload(await new CatalogueService(ctx.app.db).define(ctx, input));
  }

  @Mutation(() => MetricPayload, { description: "Change a measure's name or definition (ADMIN); its code, unit, theme and aggregation stay." })
  async updateImpactMetric(@Arg("input") input: UpdateImpactMetricInput, @Ctx() ctx: Context): Promise<InstanceType<typeof MetricPayload>> {
    const { metricId, ...changes } = input;
    return toPayload(await new CatalogueService(ctx.app.db).update(ctx, metricId, changes));
  }

  @Mutation(() => ProxyValuePayload, { description: "Add a proxy value from a day (ADMIN): a new version; earlier periods keep theirs." })
  async addProxyValue(@Arg("input") input: AddProxyValueInput, @Ctx() ctx: Context): Promise<InstanceType<typeof ProxyValuePayload>> {
    return toPayload(await new CatalogueService(ctx.app.db).addProxyValue(ctx, input));
  }
}
