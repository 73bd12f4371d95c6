// One move in a transfer case's stage history: which stage, on what day, who moved it and why. Insert-only.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";
import { TransferStage } from "../assets.enums";

@ObjectType({ description: "A transfer case reaching a stage: the day, who recorded it and any note." })
@Entity({ name: "asset_transfer_stage" })
@Index("asset_transfer_stage_transfer_idx", ["transferId", "recordedAt"])
export class TransferStageChange {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "transfer_id", type: "uuid" })
  transferId: string;

  @Field(() => TransferStage)
  @Column({ type: "text" })
  stage: TransferStage;

  @Field(() => DateScalar, { description: "The day the case reached the stage." })
  @Column({ name: "moved_on", type: "date" })
  movedOn: string;

  @Column({ name: "moved_by", type: "uuid", nullable: true })
  movedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field()
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
