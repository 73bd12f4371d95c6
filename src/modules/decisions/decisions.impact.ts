// The decisions module's part of impact's region summary: community decisions declared in the places over the period.
import { Field, Int, ObjectType } from "type-graphql";
import type { RegionFigureSource } from "../impact/impact.api";
import { Money, money } from "../../graphql/scalars";
import { decisionsApi } from "./decisions.api";

@ObjectType({ description: "Community decisions declared in the places over the period (participatory budgets, ballots, panels)." })
export class DecisionRegionFiguresType {
  @Field(() => Int) processesDeclared: number;
  @Field(() => Int) budgets: number;
  @Field(() => Int) ballots: number;
  @Field(() => Int) panels: number;
  @Field(() => Int, { description: "Residents on the rolls of the processes declared." }) participantsRegistered: number;
  @Field(() => Int) votesCast: number;
  @Field(() => Int, { description: "Declared outcomes that bind." }) bindingOutcomes: number;
  @Field(() => Int) ballotsApproved: number;
  @Field(() => Money, { description: "What participatory budgets allocated to the pitches they funded." }) allocatedByBudgets: Money;
  @Field(() => Int) pitchesFunded: number;
}

export const decisionRegionFigures: RegionFigureSource = {
  name: "communityDecisions",
  field: Field(() => DecisionRegionFiguresType),
  async figures(db, placeIds, from, to) {
    const { allocatedByBudgetsPence, ...counts } = await decisionsApi.regionFigures(db, placeIds, from, to);
    return Object.assign(new DecisionRegionFiguresType(), counts, { allocatedByBudgets: money(allocatedByBudgetsPence) });
  },
};
