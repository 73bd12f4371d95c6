// fundingSummary, the dashboard's money by place and period, and the place of its groups.
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { badInput, forbidden } from "../../../graphql/errors";
import { ListField } from "../../../graphql/input-fields";
import { Query } from "../../../graphql/operations";
import { periodProblem } from "../../../kit/summary-groups";
import { Place } from "../../places/place.entity";
import { fundAccess } from "../access";
import { FundingGroupBy } from "../funds.enums";
import { FundingFilter, FundingGroup, FundingSummary } from "./funding-summary.types";
import { fundingSummary } from "./funding-summary";

@ArgsType()
class FundingSummaryArgs {
  @Field(() => FundingFilter) filter: FundingFilter;
  @ListField(() => FundingGroupBy, { max: 3, nullable: true }) groupBy?: FundingGroupBy[] | null;
}

const UNKNOWN = { placeIds: "A place asked for is not in the register.", fundIds: "A fund asked for does not exist." } as const;

@Resolver()
export class FundingSummaryResolver {
  @Query(() => FundingSummary, {
    description: "Pay-it-forward money (awarded, disbursed, repaid in cash and in social value, written off, recycled) between two days, "
      + "in total and by the recipient organisation's registered place, year and quarter, from the ledger. ADMIN, ANALYST, PANEL_MEMBER and read:funds keys.",
  })
  async fundingSummary(@Args() { filter, groupBy }: FundingSummaryArgs, @Ctx() ctx: Context): Promise<FundingSummary> {
    if (!fundAccess.readSummary(ctx.viewer)) throw forbidden("Funding figures by place are for ADMIN, ANALYST, panel members and keys with read:funds.");
    const problem = periodProblem(filter.from, filter.to);
    if (problem) throw badInput(problem);
    const outcome = await fundingSummary(ctx.app.db, filter, groupBy ?? []);
    if ("unknown" in outcome) throw badInput(UNKNOWN[outcome.unknown]);
    return outcome.summary;
  }
}

@Resolver(() => FundingGroup)
export class FundingGroupFieldsResolver {
  @FieldResolver(() => Place, { nullable: true, description: "When grouped by PLACE: the place (with everything inside it); null for organisations with no registered place." })
  async place(@Root() g: FundingGroup, @Ctx() ctx: Context): Promise<Place | null> {
    return g.keys.PLACE ? ctx.loaders.placeById.load(g.keys.PLACE) : null;
  }
}
