// The network's eligibility thresholds: the version in force and the history (staff and panel members), and setting
// a new version (ADMIN). Assessing is recordStoAssessment, with the register's other mutations.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs, paginate } from "../../graphql/connection";
import { Mutation, Query } from "../../graphql/operations";
import { toPayload } from "../../graphql/payloads";
import { Role } from "../../auth/roles";
import { EligibilityThresholds } from "./eligibility-thresholds.entity";
import { EligibilityThresholdsService, thresholdsInForce } from "./eligibility-thresholds.service";
import { SetEligibilityThresholdsInput } from "./organisations.inputs";
import { EligibilityThresholdsConnection, EligibilityThresholdsPayload } from "./organisations.types";

const NEWEST_VERSION_FIRST = { name: "version", keys: ["t.version", "t.id"], direction: "DESC" as const };

@Resolver()
export class EligibilityResolver {
  @Authorized(Role.ADMIN, Role.PANEL_MEMBER)
  @Query(() => EligibilityThresholds, { description: "The eligibility thresholds new assessments use now (ADMIN, PANEL_MEMBER)." })
  eligibilityThresholds(@Ctx() ctx: Context): Promise<EligibilityThresholds> {
    return thresholdsInForce(ctx.app.db);
  }

  @Authorized(Role.ADMIN, Role.PANEL_MEMBER)
  @Query(() => EligibilityThresholdsConnection, { description: "Every version of the eligibility thresholds, newest first, including any not yet in force (ADMIN, PANEL_MEMBER)." })
  eligibilityThresholdHistory(@Args() page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EligibilityThresholds>> {
    return paginate(ctx.app.db.getRepository(EligibilityThresholds).createQueryBuilder("t"), NEWEST_VERSION_FIRST, page, { ctx, info });
  }

  @Mutation(() => EligibilityThresholdsPayload, { description: "Set a new version of the eligibility thresholds (ADMIN; audited). Earlier assessments keep theirs." })
  async setEligibilityThresholds(@Arg("input") input: SetEligibilityThresholdsInput, @Ctx() ctx: Context): Promise<EligibilityThresholdsPayload> {
    return toPayload(await new EligibilityThresholdsService(ctx.app.db).set(ctx, input));
  }
}
