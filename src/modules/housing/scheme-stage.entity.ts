// One move in a scheme's stage history: which stage, on what day, who moved it and why. Insert-only.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars";
import { HousingSchemeStage } from "./housing.enums";

@ObjectType({ description: "A scheme reaching a stage: the day, who recorded it and any note." })
@Entity({ name: "housing_scheme_stage" })
@Index("housing_scheme_stage_scheme_idx", ["schemeId", "recordedAt"])
export class SchemeStageChange {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "scheme_id", type: "uuid" })
  schemeId: string;

  @Field(() => HousingSchemeStage)
  @Column({ type: "text" })
  stage: HousingSchemeStage;

  @Field(() => DateScalar)
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
