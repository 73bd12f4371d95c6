// The housing module's part of impact's region summary: the community-led housing pipeline and homes completed.
import { Field, Int, ObjectType } from "type-graphql";
import type { RegionFigureSource } from "../impact/impact.api";
import { housingApi } from "./housing.api";

@ObjectType({ description: "Community-led homes in the places over the period." })
export class HousingRegionFiguresType {
  @Field(() => Int, { description: "Schemes started by the period's end and not yet built." }) schemesInPipeline: number;
  @Field(() => Int, { description: "Homes those schemes plan." }) homesPlanned: number;
  @Field(() => Int, { description: "Homes completed in the period." }) homesCompleted: number;
  @Field(() => Int) emptyHomesCompleted: number;
  @Field(() => Int) newBuildCompleted: number;
}

export const housingRegionFigures: RegionFigureSource = {
  name: "homes",
  field: Field(() => HousingRegionFiguresType),
  async figures(db, placeIds, from, to) {
    return Object.assign(new HousingRegionFiguresType(), await housingApi.regionFigures(db, placeIds, from, to));
  },
};
