// Repayment schedule versions and their instalments; a reschedule adds a version and keeps the old ones.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";

@ObjectType({ description: "One version of an agreement's cash repayment schedule (0% interest)." })
@Entity({ name: "agreement_schedule" })
@Index("agreement_schedule_version_key", ["agreementId", "version"], { unique: true })
export class RepaymentSchedule {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "agreement_id", type: "uuid" })
  agreementId: string;

  @Field(() => Int, { description: "1 for the offer's schedule; each reschedule adds one." })
  @Column({ type: "int" })
  version: number;

  @Field(() => DateScalar, { description: "The day this version took over." })
  @Column({ name: "effective_on", type: "date" })
  effectiveOn: string;

  @Field(() => DateScalar)
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Field(() => Int, { description: "The term in months, holiday included." })
  @Column({ name: "term_months", type: "int" })
  termMonths: number;

  @Field(() => Int, { description: "Months at the start of the term with nothing to repay." })
  @Column({ name: "holiday_months", type: "int" })
  holidayMonths: number;

  @Column({ name: "covers_pence", type: "bigint" })
  coversPence: number;

  @Column({ name: "paid_before_pence", type: "bigint" })
  paidBeforePence: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  reason: string | null;

  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdBy: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

@ObjectType({ description: "A cash instalment of a schedule." })
@Entity({ name: "agreement_instalment" })
export class ScheduledInstalment {
  @PrimaryColumn({ name: "schedule_id", type: "uuid" })
  scheduleId: string;

  @Field(() => Int)
  @PrimaryColumn({ type: "int" })
  number: number;

  @Field(() => DateScalar)
  @Column({ name: "due_on", type: "date" })
  dueOn: string;

  @Column({ type: "bigint" })
  pence: number;
}
