// The assets module's part of impact's region summary: community assets transferred, listed and protected, from
// assetsApi.regionFigures and the uplift since transfer.
import { Field, Int, ObjectType } from "type-graphql";
import { Money, money } from "../../graphql/scalars";
import type { RegionFigureSource } from "../impact/impact.api";
import { assetsApi } from "./assets.api";

@ObjectType({ description: "Community assets in the places over the period." })
export class AssetRegionFigures {
  @Field(() => Int, { description: "Transfers completed in the period." }) transfersCompleted: number;
  @Field(() => Money, { description: "Market value less what was paid: the community's gain." }) communityGain: Money;
  @Field(() => Int, { description: "Assets listed as Assets of Community Value in the period." }) assetsListed: number;
  @Field(() => Int, { description: "Moratoria running on at least one day of the period." }) moratoriaLive: number;
  @Field(() => Int, { description: "Assets in community hands at the period's end." }) assetsHeld: number;
}

export const assetRegionFigures: RegionFigureSource = {
  name: "assets",
  field: Field(() => AssetRegionFigures),
  async figures(db, placeIds, from, to) {
    const f = await assetsApi.regionFigures(db, placeIds, from, to);
    return Object.assign(new AssetRegionFigures(), {
      transfersCompleted: f.transfersCompleted, communityGain: money(f.communityGainPence), assetsListed: f.assetsListed,
      moratoriaLive: f.moratoriaLive, assetsHeld: f.assetsHeld,
    });
  },
};
