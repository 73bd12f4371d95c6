// Fields of transfer cases: the asset and the parties, money (the discount is the community's gain), conditions and
// the stage history with who moved each stage (their personal fields follow the user rules).
import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { readRelation } from "../../../graphql/relations";
import { Needs } from "../../../graphql/folding";
import type { Context } from "../../../graphql/context";
import { Money, money } from "../../../graphql/scalars";
import { User } from "../../../auth/user.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { transferRelations as r } from "../assets.relations";
import { Asset } from "../register/asset.entity";
import { AssetTransfer } from "./transfer.entity";
import { TransferStageChange } from "./transfer-stage.entity";
import { TransferConditions } from "./transfers.types";

type Maybe<T> = Promise<T> | T;
const pence = (value: number | null) => (value === null ? null : money(value));

@Resolver(() => AssetTransfer)
export class AssetTransferFieldsResolver {
  @FieldResolver(() => Asset)
  asset(@Root() t: AssetTransfer, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Asset> {
    return readRelation(r.asset, t, {}, ctx, info);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation transferring the asset; null when a public body is (fromPublicBody)." })
  fromOrganisation(@Root() t: AssetTransfer, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(r.fromOrganisation, t, {}, ctx, info);
  }

  @FieldResolver(() => Organisation, { description: "The organisation the asset passes to." })
  toOrganisation(@Root() t: AssetTransfer, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation> {
    return readRelation(r.toOrganisation, t, {}, ctx, info);
  }

  @FieldResolver(() => Money, { nullable: true, description: "The asset's market value, as agreed for the transfer." })
  @Needs("marketValuePence")
  marketValue(@Root() t: AssetTransfer): Money | null {
    return pence(t.marketValuePence);
  }

  @FieldResolver(() => Money, { nullable: true, description: "What the organisation pays." })
  @Needs("considerationPence")
  consideration(@Root() t: AssetTransfer): Money | null {
    return pence(t.considerationPence);
  }

  @FieldResolver(() => Money, { nullable: true, description: "The discount on market value: the community's gain. Null until both are agreed." })
  @Needs("marketValuePence", "considerationPence")
  communityGain(@Root() t: AssetTransfer): Money | null {
    return t.marketValuePence === null || t.considerationPence === null ? null : money(t.marketValuePence - t.considerationPence);
  }

  @FieldResolver(() => TransferConditions)
  @Needs("assetLock", "overage", "userClause")
  conditions(@Root() t: AssetTransfer): TransferConditions {
    return Object.assign(new TransferConditions(), { assetLock: t.assetLock, overage: t.overage, userClause: t.userClause });
  }

  @FieldResolver(() => [TransferStageChange], { description: "Every stage the case reached, in order, with its day and who recorded it." })
  stageHistory(@Root() t: AssetTransfer, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<TransferStageChange[]> {
    return readRelation(r.stageHistory, t, {}, ctx, info);
  }
}

@Resolver(() => TransferStageChange)
export class TransferStageChangeFieldsResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who recorded the move (their personal fields follow the user rules); null for a partner key." })
  movedBy(@Root() s: TransferStageChange, @Ctx() ctx: Context): Promise<User | null> | null {
    return s.movedBy ? ctx.loaders.userById.load(s.movedBy) : null;
  }
}
