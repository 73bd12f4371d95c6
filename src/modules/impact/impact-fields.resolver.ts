// Fields of impact's types: a measure's proxy values, a measure's figures' measure, a group's place and cluster, a
// measurement's measure and organisation, and impact's fields on the register's Organisation.
import type { GraphQLResolveInfo } from "graphql";
import { Args, ArgsType, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { readRelation } from "../../graphql/relations";
import type { Context } from "../../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs } from "../../graphql/connection";
import { DayField } from "../../graphql/input-fields";
import { Money, money } from "../../graphql/scalars";
import { Place } from "../places/place.entity";
import { Organisation } from "../organisations/organisation.entity";
import { Cluster } from "../clusters/clusters/cluster.entity";
import { ImpactMeasurement } from "./measurement.entity";
import { ImpactMetric, ImpactProxyValue } from "./metric.entity";
import { OrganisationYear } from "./organisation-year.entity";
import { ImpactGroup, MeasureFigures, OrganisationImpact } from "./impact.types";
import { metricRelations, organisationImpactRelations as r } from "./impact.relations";

type Maybe<T> = Promise<T> | T;

export const ImpactMeasurementConnection = ConnectionType(ImpactMeasurement, "ImpactMeasurement");

@ArgsType()
class ImpactPeriodArgs {
  @DayField({ description: "Counted from the start of this day's quarter." }) from: string;
  @DayField({ description: "Counted to the end of this day's quarter." }) to: string;
}

@Resolver(() => ImpactMetric)
export class ImpactMetricFieldsResolver {
  @FieldResolver(() => [ImpactProxyValue], { description: "Every proxy version, oldest first." })
  proxyValues(@Root() x: ImpactMetric, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ImpactProxyValue[]> {
    return readRelation(metricRelations.proxyValues, x, {}, ctx, info);
  }
}

@Resolver(() => ImpactProxyValue)
export class ImpactProxyValueFieldsResolver {
  @FieldResolver(() => Money, { description: "£ per unit." })
  valuePerUnit(@Root() p: ImpactProxyValue): Money {
    return money(p.valuePerUnitPence);
  }
}

@Resolver(() => MeasureFigures)
export class MeasureFiguresFieldsResolver {
  @FieldResolver(() => ImpactMetric)
  async metric(@Root() f: MeasureFigures, @Ctx() ctx: Context): Promise<ImpactMetric> {
    return (await ctx.loaders.impactMetricById.load(f.metricId))!;
  }
}

@Resolver(() => ImpactGroup)
export class ImpactGroupFieldsResolver {
  @FieldResolver(() => Place, { nullable: true, description: "When grouped by PLACE: the place (with everything inside it)." })
  async place(@Root() g: ImpactGroup, @Ctx() ctx: Context): Promise<Place | null> {
    return g.keys.PLACE ? ctx.loaders.placeById.load(g.keys.PLACE) : null;
  }

  @FieldResolver(() => Cluster, { nullable: true, description: "When grouped by CLUSTER." })
  async cluster(@Root() g: ImpactGroup, @Ctx() ctx: Context): Promise<Cluster | null> {
    return g.keys.CLUSTER ? ctx.loaders.clusterById.load(g.keys.CLUSTER) : null;
  }
}

@Resolver(() => ImpactMeasurement)
export class ImpactMeasurementFieldsResolver {
  @FieldResolver(() => ImpactMetric)
  async metric(@Root() x: ImpactMeasurement, @Ctx() ctx: Context): Promise<ImpactMetric> {
    return (await ctx.loaders.impactMetricById.load(x.metricId))!;
  }

  @FieldResolver(() => Organisation)
  async organisation(@Root() x: ImpactMeasurement, @Ctx() ctx: Context): Promise<Organisation> {
    return (await ctx.loaders.organisationById.load(x.organisationId))!;
  }
}

@Resolver(() => OrganisationYear)
export class OrganisationYearFieldsResolver {
  @FieldResolver(() => Money, { nullable: true })
  turnover(@Root() y: OrganisationYear): Money | null {
    return y.turnoverPence === null ? null : money(Number(y.turnoverPence));
  }

  @FieldResolver(() => Money, { nullable: true, description: "Grants and other outside funding the organisation levered in the year." })
  externalFunding(@Root() y: OrganisationYear): Money | null {
    return y.externalFundingPence === null ? null : money(Number(y.externalFundingPence));
  }
}

@Resolver(() => Organisation)
export class OrganisationImpactResolver {
  @FieldResolver(() => OrganisationImpact, { nullable: true, description: "Its impact over the quarters from..to touch. Its members and ADMIN; null for others." })
  impact(@Root() o: Organisation, @Args() args: ImpactPeriodArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<OrganisationImpact | null> {
    return readRelation(r.impact, o, { from: args.from, to: args.to }, ctx, info);
  }

  @FieldResolver(() => ImpactMeasurementConnection, { nullable: true, description: "What it reported, latest period first. Its members and ADMIN; null for others." })
  measurements(@Root() o: Organisation, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<ImpactMeasurement> | null> {
    return readRelation(r.measurements, o, { ...args }, ctx, info);
  }

  @FieldResolver(() => [OrganisationYear], { nullable: true, description: "Its facts by year, latest first. Its members and ADMIN; null for others." })
  yearlyFacts(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<OrganisationYear[] | null> {
    return readRelation(r.yearlyFacts, o, {}, ctx, info);
  }
}
