// Funds, contributions and rounds: the funds list and ADMIN's mutations. Decode IDs, call one service method.
import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { forbidden } from "../../graphql/errors";
import { decodeId, payload } from "../../graphql/payloads";
import { fundAccess } from "./access";
import { Fund } from "./fund.entity";
import { FundsService } from "./funds.service";
import { listFunds } from "./funds.lists";
import { AddContributionInput, CloseRoundInput, CreateFundInput, OpenRoundInput, UpdateFundInput } from "./funds.inputs";
import { ContributionPayload, FundConnection, FundPayload, FundRoundPayload } from "./funds.payloads";

@Resolver()
export class FundsResolver {
  @Query(() => FundConnection, { description: "Pay-it-forward funds with their figures, by name. Public; partners need read:funds." })
  funds(@Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Fund>> {
    if (!fundAccess.readFunds(ctx.viewer)) throw forbidden("This API key needs the read:funds scope.");
    return listFunds(ctx.app.db, args);
  }

  @Mutation(() => FundPayload, { description: "Set up a fund (ADMIN)." })
  async createFund(@Arg("input") input: CreateFundInput, @Ctx() ctx: Context): Promise<FundPayload> {
    return payload("fund", await new FundsService(ctx.app.db).createFund(ctx, input));
  }

  @Mutation(() => FundPayload, { description: "Change a fund's name, limits or status (ADMIN)." })
  async updateFund(@Arg("input") input: UpdateFundInput, @Ctx() ctx: Context): Promise<FundPayload> {
    const id = decodeId(input.fundId, "Fund", "fundId");
    if ("errors" in id) return payload("fund", id);
    return payload("fund", await new FundsService(ctx.app.db).updateFund(ctx, id.key, input));
  }

  @Mutation(() => ContributionPayload, { description: "Record money contributed to a fund (ADMIN). Idempotent by key." })
  async addContribution(@Arg("input") input: AddContributionInput, @Ctx() ctx: Context): Promise<ContributionPayload> {
    const id = decodeId(input.fundId, "Fund", "fundId");
    if ("errors" in id) return payload("contribution", id);
    return payload("contribution", await new FundsService(ctx.app.db).addContribution(ctx, id.key, input));
  }

  @Mutation(() => FundRoundPayload, { description: "Open a round taking applications, decided by a peer panel (ADMIN)." })
  async openRound(@Arg("input") input: OpenRoundInput, @Ctx() ctx: Context): Promise<FundRoundPayload> {
    const fund = decodeId(input.fundId, "Fund", "fundId");
    if ("errors" in fund) return payload("round", fund);
    const panel = decodeId(input.panelId, "PeerPanel", "panelId");
    if ("errors" in panel) return payload("round", panel);
    return payload("round", await new FundsService(ctx.app.db).openRound(ctx, fund.key, { ...input, panelId: panel.key }));
  }

  @Mutation(() => FundRoundPayload, { description: "Close a round to applications (ADMIN)." })
  async closeRound(@Arg("input") input: CloseRoundInput, @Ctx() ctx: Context): Promise<FundRoundPayload> {
    const id = decodeId(input.roundId, "FundRound", "roundId");
    if ("errors" in id) return payload("round", id);
    return payload("round", await new FundsService(ctx.app.db).closeRound(ctx, id.key, input));
  }
}
