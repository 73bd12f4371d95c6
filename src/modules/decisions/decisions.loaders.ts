// Per-request loaders of community decisions: by ID (for node(id:)), participation counts, and each result's recount
// from the stored votes. Relations are in decisions.relations.ts.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderFromMap } from "../../graphql/loaders";
import { DecisionProcess } from "./process.entity";
import { DecisionPitch } from "./pitch.entity";
import { DecisionVote } from "./vote.entity";
import { DecisionResult } from "./result.entity";
import { Participation } from "./decisions.types";
import { participationOf } from "./participation";
import { recountMatches } from "./recount";

declare module "../../graphql/context" {
  interface Loaders {
    decisionProcessById: DataLoader<string, DecisionProcess | null>;
    decisionPitchById: DataLoader<string, DecisionPitch | null>;
    decisionVoteById: DataLoader<string, DecisionVote | null>;
    decisionResultById: DataLoader<string, DecisionResult | null>;
    participationByProcess: DataLoader<string, Participation | null>;
    recountMatchesByProcess: DataLoader<string, boolean>;
  }
}

export function decisionsLoaders(db: DataSource) {
  return {
    decisionProcessById: loaderByKey(db, DecisionProcess),
    decisionPitchById: loaderByKey(db, DecisionPitch),
    decisionVoteById: loaderByKey(db, DecisionVote),
    decisionResultById: loaderByKey(db, DecisionResult),
    participationByProcess: loaderFromMap<Participation | null>((ids) => participationOf(db, ids), null),
    recountMatchesByProcess: loaderFromMap((ids) => recountMatches(db, ids), false),
  };
}
