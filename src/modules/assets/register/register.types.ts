// API types of the register that are not tables: the connection, payloads, and uplift figures.
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { Money, money } from "../../../graphql/scalars";
import { Asset } from "./asset.entity";
import { AssetValuation } from "./valuation.entity";
import type { UpliftTotals } from "./uplift";

export const AssetConnection = ConnectionType(Asset, "Asset");

export const AssetPayload = PayloadType("AssetPayload", { asset: () => Asset });
export type AssetPayload = InstanceType<typeof AssetPayload>;
export const AssetValuationPayload = PayloadType("AssetValuationPayload", { asset: () => Asset, valuation: () => AssetValuation });
export type AssetValuationPayload = InstanceType<typeof AssetValuationPayload>;

@ObjectType({ description: "Community-held assets' value at transfer against their latest market valuation since: the uplift that stays with the community." })
export class AssetUplift {
  @Field(() => Int, { description: "Assets in community hands." })
  assets: number;

  @Field(() => Int, { description: "Of those, assets revalued since they were transferred." })
  revalued: number;

  @Field(() => Money, { description: "Their market value when they were transferred." })
  valueAtTransfer: Money;

  @Field(() => Money, { description: "Their latest market valuation since transfer (the value at transfer where none)." })
  currentValue: Money;

  @Field(() => Money, { description: "currentValue − valueAtTransfer." })
  uplift: Money;

  static of(t: UpliftTotals): AssetUplift {
    return Object.assign(new AssetUplift(), {
      assets: t.assets, revalued: t.revalued, valueAtTransfer: money(t.valueAtTransferPence), currentValue: money(t.currentValuePence), uplift: money(t.upliftPence),
    });
  }
}

@ObjectType({ description: "The uplift of the community-held assets in a place and every place inside it." })
export class PlaceAssetUplift extends AssetUplift {
  placeId: string;
}
