// Applications and peer decisions: the applications list and the applicant's and panel's mutations.
import { Arg, Args, ArgsType, Ctx, Field, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { UserError } from "../../graphql/errors";
import { decodeId, payload } from "../../graphql/payloads";
import { FundingApplication } from "./application.entity";
import { ApplicationsService, SubmitApplication } from "./applications.service";
import { PanelService } from "./panel.service";
import { listApplications } from "./funds.lists";
import { ApplicationFilter } from "./lists.inputs";
import {
  DecideApplicationInput, DraftApplicationInput, RecordPanelViewInput, SubmitApplicationInput, UpdateApplicationInput, WithdrawApplicationInput,
} from "./applications.inputs";
import { DecisionPayload, FundingApplicationConnection, FundingApplicationPayload, PanelViewPayload } from "./funds.payloads";

@ArgsType()
class ApplicationsArgs extends PageArgs {
  @Field(() => ApplicationFilter, { nullable: true }) filter?: ApplicationFilter | null;
}

/** Decodes the optional IDs of an input; the first malformed one is the user error. */
function decodeOptional(ids: [string | null | undefined, string, string][]): { keys: (string | null | undefined)[] } | { errors: UserError[] } {
  const keys: (string | null | undefined)[] = [];
  for (const [id, type, field] of ids) {
    if (id === undefined || id === null) {
      keys.push(id);
      continue;
    }
    const d = decodeId(id, type, field);
    if ("errors" in d) return d;
    keys.push(d.key);
  }
  return { keys };
}

@Resolver()
export class ApplicationsResolver {
  @Query(() => FundingApplicationConnection, {
    description: "Applications you may see (your organisations', your panels' rounds once submitted; ADMIN all), least recently changed first.",
  })
  applications(@Args() args: ApplicationsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<FundingApplication>> {
    return listApplications(ctx.app.db, ctx.viewer, args, args.filter ?? {});
  }

  @Mutation(() => FundingApplicationPayload, { description: "Start a draft application (the organisation's owners and editors)." })
  async draftApplication(@Arg("input") input: DraftApplicationInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    const ids = decodeOptional([[input.organisationId, "Organisation", "organisationId"], [input.fundId, "Fund", "fundId"], [input.roundId, "FundRound", "roundId"]]);
    if ("errors" in ids) return payload("application", ids);
    const [organisationId, fundId, roundId] = ids.keys;
    return payload("application", await new ApplicationsService(ctx.app.db).draft(ctx, { ...input, organisationId: organisationId!, fundId: fundId!, roundId }));
  }

  @Mutation(() => FundingApplicationPayload, { description: "Change a draft." })
  async updateApplication(@Arg("input") input: UpdateApplicationInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    const ids = decodeOptional([[input.applicationId, "FundingApplication", "applicationId"], [input.roundId, "FundRound", "roundId"]]);
    if ("errors" in ids) return payload("application", ids);
    const [applicationId, roundId] = ids.keys;
    return payload("application", await new ApplicationsService(ctx.app.db).update(ctx, applicationId!, { ...input, roundId }));
  }

  @Mutation(() => FundingApplicationPayload, {
    description: "Submit an application: a new one in one step, or a draft by its ID. Only eligible STOs may submit. Idempotent by key.",
  })
  async submitApplication(@Arg("input") input: SubmitApplicationInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    const ids = decodeOptional([
      [input.applicationId, "FundingApplication", "applicationId"], [input.organisationId, "Organisation", "organisationId"],
      [input.fundId, "Fund", "fundId"], [input.roundId, "FundRound", "roundId"],
    ]);
    if ("errors" in ids) return payload("application", ids);
    const [applicationId, organisationId, fundId, roundId] = ids.keys;
    const request: SubmitApplication = { ...input, applicationId, organisationId, fundId, roundId };
    return payload("application", await new ApplicationsService(ctx.app.db).submit(ctx, request));
  }

  @Mutation(() => FundingApplicationPayload, { description: "Withdraw an application at any point before an offer." })
  async withdrawApplication(@Arg("input") input: WithdrawApplicationInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    const id = decodeId(input.applicationId, "FundingApplication", "applicationId");
    if ("errors" in id) return payload("application", id);
    return payload("application", await new ApplicationsService(ctx.app.db).withdraw(ctx, id.key, input));
  }

  @Mutation(() => PanelViewPayload, { description: "Record or change your view of an application as a member of its round's panel." })
  async recordPanelView(@Arg("input") input: RecordPanelViewInput, @Ctx() ctx: Context): Promise<PanelViewPayload> {
    const id = decodeId(input.applicationId, "FundingApplication", "applicationId");
    if ("errors" in id) return payload("view", id);
    return payload("view", await new PanelService(ctx.app.db).recordView(ctx, id.key, input));
  }

  @Mutation(() => DecisionPayload, { description: "Record the panel's decision: decline, or offer terms (creates the agreement). Idempotent by key." })
  async decideApplication(@Arg("input") input: DecideApplicationInput, @Ctx() ctx: Context): Promise<DecisionPayload> {
    const id = decodeId(input.applicationId, "FundingApplication", "applicationId");
    if ("errors" in id) return payload("application", id);
    return payload("application", await new PanelService(ctx.app.db).decide(ctx, id.key, input));
  }
}
