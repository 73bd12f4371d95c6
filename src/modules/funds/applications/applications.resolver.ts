// Applications and peer decisions: the applications list and the applicant's and panel's mutations.
import { Arg, Args, ArgsType, Ctx, Field, Resolver } from "type-graphql";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { toPayload } from "../../../graphql/payloads";
import { FundingApplication } from "./application.entity";
import { ApplicationsService } from "./applications.service";
import { PanelService } from "./panel.service";
import { listApplications } from "./applications.lists";
import { ApplicationPartnersService } from "./partners.service";
import { ApplicationFilter, ApplicationPartnerInput, RespondToApplicationPartnershipInput, DecideApplicationInput, DraftApplicationInput, RecordPanelViewInput, SubmitApplicationInput, UpdateApplicationInput, WithdrawApplicationInput } from "./applications.inputs";
import { DecisionPayload, FundingApplicationConnection, FundingApplicationPayload, PanelViewPayload } from "./applications.types";

@ArgsType()
class ApplicationsArgs extends PageArgs {
  @Field(() => ApplicationFilter, { nullable: true }) filter?: ApplicationFilter | null;
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
    return toPayload(await new ApplicationsService(ctx.app.db).draft(ctx, input));
  }

  @Mutation(() => FundingApplicationPayload, { description: "Change a draft." })
  async updateApplication(@Arg("input") input: UpdateApplicationInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    return toPayload(await new ApplicationsService(ctx.app.db).update(ctx, input.applicationId, input));
  }

  @Mutation(() => FundingApplicationPayload, {
    description: "Submit an application: a new one in one step, or a draft by its ID. Only eligible STOs may submit. Idempotent by key.",
  })
  async submitApplication(@Arg("input") input: SubmitApplicationInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    return toPayload(await new ApplicationsService(ctx.app.db).submit(ctx, input));
  }

  @Mutation(() => FundingApplicationPayload, { description: "Withdraw an application at any point before an offer." })
  async withdrawApplication(@Arg("input") input: WithdrawApplicationInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    return toPayload(await new ApplicationsService(ctx.app.db).withdraw(ctx, input.applicationId, input));
  }

  @Mutation(() => FundingApplicationPayload, {
    description: "Invite a partner organisation to a draft, making it a collective application (the lead's owners and editors). "
      + "The partner consents or declines for itself; every partner must consent, and be an eligible STO, before submission.",
  })
  async addApplicationPartner(@Arg("input") input: ApplicationPartnerInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    return toPayload(await new ApplicationPartnersService(ctx.app.db).add(ctx, input.applicationId, input));
  }

  @Mutation(() => FundingApplicationPayload, { description: "Take a partner organisation off a draft (the lead's owners and editors)." })
  async removeApplicationPartner(@Arg("input") input: ApplicationPartnerInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    return toPayload(await new ApplicationPartnersService(ctx.app.db).remove(ctx, input.applicationId, input));
  }

  @Mutation(() => FundingApplicationPayload, {
    description: "Consent to, or decline, a draft your organisation is invited to as a partner (its owners and editors). "
      + "Changing the draft afterwards asks every partner again.",
  })
  async respondToApplicationPartnership(@Arg("input") input: RespondToApplicationPartnershipInput, @Ctx() ctx: Context): Promise<FundingApplicationPayload> {
    return toPayload(await new ApplicationPartnersService(ctx.app.db).respond(ctx, input.applicationId, input));
  }

  @Mutation(() => PanelViewPayload, { description: "Record or change your view of an application as a member of its round's panel." })
  async recordPanelView(@Arg("input") input: RecordPanelViewInput, @Ctx() ctx: Context): Promise<PanelViewPayload> {
    return toPayload(await new PanelService(ctx.app.db).recordView(ctx, input.applicationId, input));
  }

  @Mutation(() => DecisionPayload, { description: "Record the panel's decision: decline, or offer terms (creates the agreement). Idempotent by key." })
  async decideApplication(@Arg("input") input: DecideApplicationInput, @Ctx() ctx: Context): Promise<DecisionPayload> {
    return toPayload(await new PanelService(ctx.app.db).decide(ctx, input.applicationId, input));
  }
}
