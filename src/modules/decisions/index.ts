// The decisions module: participatory budgets, resident ballots on transfers and housing schemes, and panel decisions
// under delegated power; the roll, anonymous votes, verifiable counts and declared results that drive other modules.
import { decisionsScopes } from "./decisions.scopes";
import { regionFigureSources } from "../impact/impact.api";
import { decisionRegionFigures } from "./decisions.impact";
import type { KithModule } from "../../kith-module";
import { assetsApi } from "../assets/assets.api";
import { DecisionProcess } from "./process.entity";
import { DecisionPitch } from "./pitch.entity";
import { DecisionVoter } from "./voter.entity";
import { DecisionVote } from "./vote.entity";
import { DecisionResult } from "./result.entity";
import { Decisions1764100000770 } from "./migrations/1764100000770-Decisions";
import { DecisionsResolver } from "./decisions.resolver";
import {
  DecisionPitchFieldsResolver, DecisionProcessFieldsResolver, DecisionResultFieldsResolver, DecisionVoteFieldsResolver,
  ParticipationInPlaceFieldsResolver, SchemeBallotsResolver, TransferBallotsResolver, VoterRegistrationFieldsResolver,
} from "./decision-fields.resolver";
import { decisionsLoaders } from "./decisions.loaders";
import { pitchRelations, processRelations, resultRelations, schemeBallotRelations, transferBallotRelations } from "./decisions.relations";
import { decisionAccess } from "./access";
import { decisionsPolicy } from "./access.policy";
import { bindingBallotCheck } from "./transfer-ballot-check";
import { DecisionProcessStatus } from "./decisions.enums";
import { loadDemoDecisions } from "./decisions.demo";
import { generateScaleDecisions } from "./decisions.scale";

export const decisionsModule: KithModule = {
  name: "decisions",
  scopes: decisionsScopes,
  entities: [DecisionProcess, DecisionPitch, DecisionVoter, DecisionVote, DecisionResult],
  migrations: [Decisions1764100000770],
  resolvers: [
    DecisionsResolver, DecisionProcessFieldsResolver, DecisionPitchFieldsResolver, DecisionVoteFieldsResolver, DecisionResultFieldsResolver,
    VoterRegistrationFieldsResolver, ParticipationInPlaceFieldsResolver, TransferBallotsResolver, SchemeBallotsResolver,
  ],
  loaders: decisionsLoaders,
  relations: [processRelations, pitchRelations, resultRelations, transferBallotRelations, schemeBallotRelations].flatMap((r) => Object.values(r)),
  nodeTypes: {
    DecisionProcess: { load: async (ctx, key) => (decisionAccess.read(ctx.viewer) ? ctx.loaders.decisionProcessById.load(key) : null) },
    DecisionPitch: { load: async (ctx, key) => (decisionAccess.read(ctx.viewer) ? ctx.loaders.decisionPitchById.load(key) : null) },
    DecisionResult: { load: async (ctx, key) => (decisionAccess.read(ctx.viewer) ? ctx.loaders.decisionResultById.load(key) : null) },
    DecisionVote: {
      // Like the list: a vote is published once its process is declared.
      async load(ctx, key) {
        if (!decisionAccess.read(ctx.viewer)) return null;
        const vote = await ctx.loaders.decisionVoteById.load(key);
        const process = vote && await ctx.loaders.decisionProcessById.load(vote.processId);
        return process?.status === DecisionProcessStatus.DECLARED ? vote : null;
      },
    },
  },
  accessPolicy: decisionsPolicy,
  contributes: [assetsApi.transferCompletionChecks.provide(bindingBallotCheck), regionFigureSources.provide(decisionRegionFigures)],
  demo: loadDemoDecisions,
  scale: generateScaleDecisions,
};
