// Community decisions: the processes list and the mutations for every step, from setting a process up to declaring it.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, Info, Resolver } from "type-graphql";
import { Mutation, Query } from "../../graphql/operations";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { forbidden } from "../../graphql/errors";
import { toPayload } from "../../graphql/payloads";
import { decisionAccess } from "./access";
import { DecisionProcess } from "./process.entity";
import { listProcesses } from "./decisions.lists";
import { ProcessesService } from "./processes.service";
import { VotingService } from "./voting.service";
import { ResultsService } from "./results.service";
import {
  CastVoteInput, CreatePanelDecisionInput, CreateParticipatoryBudgetInput, CreateResidentBallotInput, DeclareDecisionResultInput,
  DecisionProcessFilter, OpenDecisionProcessInput, RegisterToVoteInput, SubmitDecisionPitchInput, UpdateDecisionProcessInput,
} from "./decisions.inputs";
import {
  CastVotePayload, DecisionPitchPayload, DecisionProcessConnection, DecisionProcessPayload, DeclareDecisionResultPayload, RegisterToVotePayload,
  VoterRegistration,
} from "./decisions.types";

@ArgsType()
class DecisionProcessesArgs extends PageArgs {
  @Field(() => DecisionProcessFilter, { nullable: true }) filter?: DecisionProcessFilter | null;
}

@Resolver()
export class DecisionsResolver {
  @Query(() => DecisionProcessConnection, { description: "Participatory budgets, resident ballots and panel decisions, latest opening first. Public; partners need read:public." })
  decisionProcesses(@Args() args: DecisionProcessesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DecisionProcess>> {
    if (!decisionAccess.read(ctx.viewer)) throw forbidden("This API key needs the read:public scope.");
    return listProcesses(ctx.app.db, args, args.filter ?? {}, { ctx, info });
  }

  @Mutation(() => DecisionProcessPayload, { description: "Set up a participatory budget (a DRAFT) for an organisation you own or edit (ADMIN for any)." })
  async createParticipatoryBudget(@Arg("input") input: CreateParticipatoryBudgetInput, @Ctx() ctx: Context): Promise<DecisionProcessPayload> {
    return toPayload(await new ProcessesService(ctx.app.db).createBudget(ctx, input));
  }

  @Mutation(() => DecisionProcessPayload, { description: "Set up a resident ballot on a transfer case or a housing scheme (a DRAFT)." })
  async createResidentBallot(@Arg("input") input: CreateResidentBallotInput, @Ctx() ctx: Context): Promise<DecisionProcessPayload> {
    return toPayload(await new ProcessesService(ctx.app.db).createBallot(ctx, input));
  }

  @Mutation(() => DecisionProcessPayload, { description: "Record a fund round's peer panel as a decision process: who delegated the power, to whom it answers, whether it binds." })
  async createPanelDecision(@Arg("input") input: CreatePanelDecisionInput, @Ctx() ctx: Context): Promise<DecisionProcessPayload> {
    return toPayload(await new ProcessesService(ctx.app.db).createPanelDecision(ctx, input));
  }

  @Mutation(() => DecisionProcessPayload, { description: "Change a DRAFT's rules (organisers). Needs expectedVersion; refused once open (RULES_FIXED)." })
  async updateDecisionProcess(@Arg("input") input: UpdateDecisionProcessInput, @Ctx() ctx: Context): Promise<DecisionProcessPayload> {
    const { processId, ...changes } = input;
    return toPayload(await new ProcessesService(ctx.app.db).update(ctx, processId, changes));
  }

  @Mutation(() => DecisionProcessPayload, { description: "Fix the rules and open the process for voting in its window (organisers)." })
  async openDecisionProcess(@Arg("input") input: OpenDecisionProcessInput, @Ctx() ctx: Context): Promise<DecisionProcessPayload> {
    return toPayload(await new ProcessesService(ctx.app.db).open(ctx, input.processId, input));
  }

  @Mutation(() => DecisionPitchPayload, { description: "Pitch to a DRAFT participatory budget for an organisation you own or edit." })
  async submitDecisionPitch(@Arg("input") input: SubmitDecisionPitchInput, @Ctx() ctx: Context): Promise<DecisionPitchPayload> {
    return toPayload(await new ProcessesService(ctx.app.db).submitPitch(ctx, input));
  }

  @Mutation(() => RegisterToVotePayload, { description: "Join a process's roll with the place you live in (inside its area), before voting closes." })
  async registerToVote(@Arg("input") input: RegisterToVoteInput, @Ctx() ctx: Context): Promise<RegisterToVotePayload> {
    const r = await new VotingService(ctx.app.db).register(ctx, input);
    if ("errors" in r) return { process: null, registration: null, userErrors: r.errors };
    const { placeId, groups, barriers, hasVoted } = r.registration;
    return toPayload({ process: r.process, registration: Object.assign(new VoterRegistration(), { placeId, groups, barriers, hasVoted }) });
  }

  @Mutation(() => CastVotePayload, { description: "Vote once, while the process is open and in its window. What you chose is stored without you." })
  async castVote(@Arg("input") input: CastVoteInput, @Ctx() ctx: Context): Promise<CastVotePayload> {
    const r = await new VotingService(ctx.app.db).cast(ctx, input);
    return "errors" in r ? { process: null, counted: false, userErrors: r.errors } : { ...r, userErrors: [] };
  }

  @Mutation(() => DeclareDecisionResultPayload, { description: "Count the votes and declare the result after voting closes (organisers). A binding budget in a fund's round makes its awards." })
  async declareDecisionResult(@Arg("input") input: DeclareDecisionResultInput, @Ctx() ctx: Context): Promise<DeclareDecisionResultPayload> {
    const { processId, ...rest } = input;
    return toPayload(await new ResultsService(ctx.app.db).declare(ctx, processId, rest));
  }
}
