// Homes of a scheme by tenure and route: how many are planned and how many are complete (kept in step with the dated
// completions, so the database itself refuses more completed than planned), and each completion as it happened.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars";
import { HomeTenure, HomesRoute } from "./housing.enums";

@ObjectType({ description: "A scheme's homes of one tenure and route." })
@Entity({ name: "housing_scheme_homes" })
export class SchemeHomes {
  @PrimaryColumn({ name: "scheme_id", type: "uuid" })
  schemeId: string;

  @Field(() => HomeTenure)
  @PrimaryColumn({ type: "text" })
  tenure: HomeTenure;

  @Field(() => HomesRoute)
  @PrimaryColumn({ type: "text" })
  route: HomesRoute;

  @Field(() => Int)
  @Column({ type: "int" })
  planned: number;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  completed: number;
}

@ObjectType({ description: "Homes completed on a day: what homes delivered per place and year are counted from." })
@Entity({ name: "housing_completion" })
@Index("housing_completion_scheme_idx", ["schemeId", "completedOn"])
export class HomesCompletion {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "scheme_id", type: "uuid" })
  schemeId: string;

  @Field(() => HomeTenure)
  @Column({ type: "text" })
  tenure: HomeTenure;

  @Field(() => HomesRoute)
  @Column({ type: "text" })
  route: HomesRoute;

  @Field(() => Int)
  @Column({ type: "int" })
  homes: number;

  @Field(() => DateScalar)
  @Index("housing_completion_completed_idx")
  @Column({ name: "completed_on", type: "date" })
  completedOn: string;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;

  @Field()
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
