// Funds, contributions and rounds: the funds list and ADMIN's mutations. Call one service method (IDs arrive decoded).
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Resolver } from "type-graphql";
import { Mutation, Query } from "../../../graphql/operations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { forbidden } from "../../../graphql/errors";
import { toPayload } from "../../../graphql/payloads";
import { fundAccess } from "../access";
import { Fund } from "./fund.entity";
import { FundsService } from "./funds.service";
import { listFunds } from "./funds.lists";
import { AddContributionInput, CloseRoundInput, CreateFundInput, OpenRoundInput, UpdateFundInput } from "./funds.inputs";
import { ContributionPayload, FundConnection, FundPayload, FundRoundPayload } from "./funds.types";

@Resolver()
export class FundsResolver {
  @Query(() => FundConnection, { description: "Pay-it-forward funds with their figures, by name. Public; partners need read:funds." })
  funds(@Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Fund>> {
    if (!fundAccess.readFunds(ctx.viewer)) throw forbidden("This API key needs the read:funds scope.");
    return listFunds(ctx.app.db, args, { ctx, info });
  }

  @Mutation(() => FundPayload, { description: "Set up a fund (ADMIN)." })
  async createFund(@Arg("input") input: CreateFundInput, @Ctx() ctx: Context): Promise<FundPayload> {
    return toPayload(await new FundsService(ctx.app.db).createFund(ctx, input));
  }

  @Mutation(() => FundPayload, { description: "Change a fund's name, limits or status (ADMIN)." })
  async updateFund(@Arg("input") input: UpdateFundInput, @Ctx() ctx: Context): Promise<FundPayload> {
    return toPayload(await new FundsService(ctx.app.db).updateFund(ctx, input.fundId, input));
  }

  @Mutation(() => ContributionPayload, { description: "Record money contributed to a fund (ADMIN). Idempotent by key." })
  async addContribution(@Arg("input") input: AddContributionInput, @Ctx() ctx: Context): Promise<ContributionPayload> {
    return toPayload(await new FundsService(ctx.app.db).addContribution(ctx, input.fundId, input));
  }

  @Mutation(() => FundRoundPayload, { description: "Open a round taking applications, decided by a peer panel (ADMIN)." })
  async openRound(@Arg("input") input: OpenRoundInput, @Ctx() ctx: Context): Promise<FundRoundPayload> {
    return toPayload(await new FundsService(ctx.app.db).openRound(ctx, input.fundId, input));
  }

  @Mutation(() => FundRoundPayload, { description: "Close a round to applications (ADMIN)." })
  async closeRound(@Arg("input") input: CloseRoundInput, @Ctx() ctx: Context): Promise<FundRoundPayload> {
    return toPayload(await new FundsService(ctx.app.db).closeRound(ctx, input.roundId, input));
  }
}
