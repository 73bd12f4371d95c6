// API types of transfers that are not tables: the connection, the payload, and a case's conditions.
import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { Asset } from "../register/asset.entity";
import { AssetTransfer } from "./transfer.entity";

export const AssetTransferConnection = ConnectionType(AssetTransfer, "AssetTransfer");

export const AssetTransferPayload = PayloadType("AssetTransferPayload", {
  transfer: () => AssetTransfer, asset: { type: () => Asset, description: "The asset, with its holder and tenure after a completion." },
});
export type AssetTransferPayload = InstanceType<typeof AssetTransferPayload>;

@ObjectType({ description: "The conditions a transfer carries." })
export class TransferConditions {
  @Field({ description: "The asset stays locked to community benefit." })
  assetLock: boolean;

  @Field({ description: "The transferor shares in the gain of a later sale." })
  overage: boolean;

  @Field(() => String, { nullable: true, description: "What the asset may be used for." })
  userClause: string | null;
}
