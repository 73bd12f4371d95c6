// A valuation of an asset on a day: insert-only, so the history of its value is never rewritten.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";
import { ValuationBasis } from "../assets.enums";

@ObjectType({ description: "What an asset was worth on a day, on a basis, by a valuer." })
@Entity({ name: "asset_valuation" })
@Index("asset_valuation_asset_idx", ["assetId", "valuedOn", "recordedAt"])
export class AssetValuation {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "asset_id", type: "uuid" })
  assetId: string;

  @Field(() => DateScalar)
  @Column({ name: "valued_on", type: "date" })
  valuedOn: string;

  @Field(() => ValuationBasis)
  @Column({ type: "text" })
  basis: ValuationBasis;

  @Column({ name: "amount_pence", type: "bigint" })
  amountPence: number;

  @Field({ description: "The firm or public body that valued it, e.g. the District Valuer." })
  @Column({ type: "text" })
  valuer: string;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;

  @Field()
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
