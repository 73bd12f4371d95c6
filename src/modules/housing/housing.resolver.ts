// Community-led housing: the schemes list, homes delivered per place and year, and the mutations for every step.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, Info, Int, Resolver } from "type-graphql";
import { Mutation, Query } from "../../graphql/operations";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { IdListField } from "../../graphql/input-fields";
import { badInput, forbidden } from "../../graphql/errors";
import { toPayload } from "../../graphql/payloads";
import { EARLIEST_YEAR, LATEST_YEAR } from "../../graphql/scalars";
import { housingAccess } from "./access";
import { HousingScheme } from "./scheme.entity";
import { HousingService } from "./housing.service";
import { listSchemes } from "./housing.lists";
import { homesDeliveredByPlaceAndYear, MAX_YEARS } from "./homes-delivered";
import {
  HousingSchemeFilter, HousingSchemeOrder, MoveHousingSchemeInput, PlanHousingHomesInput, RecordHomesCompletedInput, SetHousingPartnershipInput,
  StartHousingSchemeInput, UpdateHousingSchemeInput,
} from "./housing.inputs";
import { HomesDeliveredInYear, HousingSchemeConnection, HousingSchemePayload } from "./housing.types";

@ArgsType()
class HousingSchemesArgs extends PageArgs {
  @Field(() => HousingSchemeFilter, { nullable: true }) filter?: HousingSchemeFilter | null;
  @Field(() => HousingSchemeOrder, { nullable: true }) orderBy?: HousingSchemeOrder | null;
}

@ArgsType()
class HomesDeliveredArgs {
  @IdListField("Place", { max: 50, description: "The places to report, each with the places inside it." }) placeIds: string[];
  @Field(() => Int) fromYear: number;
  @Field(() => Int) toYear: number;
}

const NO_PUBLIC_SCOPE = "This API key needs the read:public scope.";

@Resolver()
export class HousingResolver {
  @Query(() => HousingSchemeConnection, { description: "Community-led housing schemes, the pipeline from group forming to homes let. Public; partners need read:public." })
  housingSchemes(@Args() args: HousingSchemesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<HousingScheme>> {
    if (!housingAccess.read(ctx.viewer)) throw forbidden(NO_PUBLIC_SCOPE);
    return listSchemes(ctx.app.db, args, args.filter ?? {}, args.orderBy, { ctx, info });
  }

  @Query(() => [HomesDeliveredInYear], { description: `Homes completed per place asked (with the places inside it) and calendar year, every year from fromYear to toYear (at most ${MAX_YEARS}).` })
  async homesDelivered(@Args() { placeIds, fromYear, toYear }: HomesDeliveredArgs, @Ctx() ctx: Context): Promise<HomesDeliveredInYear[]> {
    if (!housingAccess.read(ctx.viewer)) throw forbidden(NO_PUBLIC_SCOPE);
    if (fromYear < EARLIEST_YEAR || toYear > LATEST_YEAR || toYear < fromYear || toYear - fromYear >= MAX_YEARS) {
      throw badInput(`Give years from ${EARLIEST_YEAR} to ${LATEST_YEAR}, toYear not before fromYear, at most ${MAX_YEARS} years.`);
    }
    return (await homesDeliveredByPlaceAndYear(ctx.app.db, placeIds, fromYear, toYear)).map((r) => Object.assign(new HomesDeliveredInYear(), r));
  }

  @Mutation(() => HousingSchemePayload, { description: "Start a scheme led by a community land trust you own or edit (ADMIN for any), at GROUP_FORMING." })
  async startHousingScheme(@Arg("input") input: StartHousingSchemeInput, @Ctx() ctx: Context): Promise<HousingSchemePayload> {
    return toPayload(await new HousingService(ctx.app.db).start(ctx, input));
  }

  @Mutation(() => HousingSchemePayload, { description: "Change a scheme's details (ADMIN, the lead and the partner). Needs expectedVersion." })
  async updateHousingScheme(@Arg("input") input: UpdateHousingSchemeInput, @Ctx() ctx: Context): Promise<HousingSchemePayload> {
    const { schemeId, ...changes } = input;
    return toPayload(await new HousingService(ctx.app.db).update(ctx, schemeId, changes));
  }

  @Mutation(() => HousingSchemePayload, { description: "Move a scheme one stage on (ADMIN, the lead and the partner)." })
  async moveHousingScheme(@Arg("input") input: MoveHousingSchemeInput, @Ctx() ctx: Context): Promise<HousingSchemePayload> {
    const { schemeId, ...move } = input;
    return toPayload(await new HousingService(ctx.app.db).move(ctx, schemeId, move));
  }

  @Mutation(() => HousingSchemePayload, { description: "Plan the scheme's homes by tenure and route, replacing the plan (ADMIN, the lead and the partner)." })
  async planHousingHomes(@Arg("input") input: PlanHousingHomesInput, @Ctx() ctx: Context): Promise<HousingSchemePayload> {
    const { schemeId, ...plan } = input;
    return toPayload(await new HousingService(ctx.app.db).planHomes(ctx, schemeId, plan));
  }

  @Mutation(() => HousingSchemePayload, { description: "Record homes completed on a day while on site: never more than planned (ADMIN, the lead and the partner)." })
  async recordHomesCompleted(@Arg("input") input: RecordHomesCompletedInput, @Ctx() ctx: Context): Promise<HousingSchemePayload> {
    const { schemeId, ...completed } = input;
    return toPayload(await new HousingService(ctx.app.db).recordCompletions(ctx, schemeId, completed));
  }

  @Mutation(() => HousingSchemePayload, { description: "Choose the partner and agree its terms, or end the partnership with a null partner (ADMIN and the lead)." })
  async setHousingPartnership(@Arg("input") input: SetHousingPartnershipInput, @Ctx() ctx: Context): Promise<HousingSchemePayload> {
    const { schemeId, ...partnership } = input;
    return toPayload(await new HousingService(ctx.app.db).setPartnership(ctx, schemeId, partnership));
  }
}
