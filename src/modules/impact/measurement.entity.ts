// Measurements: what an organisation reports of one measure over a period, with evidence and verification. A
// correction replaces the figures and keeps the old ones as a revision (insert-only), so nothing reported is lost.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { VersionedRecord } from "../../kit/versioned-record";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { MeasurementSource } from "./impact.enums";

/** numeric columns arrive as strings; quantities are at most two decimal places, so a number holds them exactly enough. */
export const NUMERIC = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@ObjectType({ implements: Node, description: "What an organisation reported of one measure over a period." })
@Entity({ name: "impact_measurement" })
@Index("impact_measurement_organisation_idx", ["organisationId", "periodEnd", "id"])
@Index("impact_measurement_period_idx", { synchronize: false })
export class ImpactMeasurement extends VersionedRecord({ version: "1 when recorded, one more with each correction or verification; send it back as expectedVersion." }) {
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Index("impact_measurement_metric_idx")
  @Column({ name: "metric_id", type: "uuid" })
  metricId: string;

  @Field(() => DateScalar)
  @Column({ name: "period_start", type: "date" })
  periodStart: string;

  @Field(() => DateScalar, { description: "The period's last day: it sets the proxy value used and the quarter the figure counts in." })
  @Column({ name: "period_end", type: "date" })
  periodEnd: string;

  @Field(() => Float)
  @Column({ type: "numeric", precision: 14, scale: 2, transformer: NUMERIC })
  quantity: number;

  @Field(() => String, { nullable: true, description: "A link to the evidence, or a note of where it is kept." })
  @Column({ type: "text", nullable: true })
  evidence: string | null;

  @Field(() => MeasurementSource)
  @Column({ type: "text", default: MeasurementSource.SELF_REPORTED })
  source: MeasurementSource;

  @Column({ name: "verified_by", type: "uuid", nullable: true })
  verifiedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: "verified_at", type: "timestamptz", nullable: true })
  verifiedAt: Date | null;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;
}

@ObjectType({ description: "A measurement's figures as they were before a correction." })
@Entity({ name: "impact_measurement_revision" })
@Index("impact_measurement_revision_key", ["measurementId", "version"], { unique: true })
export class MeasurementRevision {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "measurement_id", type: "uuid" })
  measurementId: string;

  @Field(() => Int, { description: "The measurement's version these figures were." })
  @Column({ type: "int" })
  version: number;

  @Field(() => DateScalar)
  @Column({ name: "period_start", type: "date" })
  periodStart: string;

  @Field(() => DateScalar)
  @Column({ name: "period_end", type: "date" })
  periodEnd: string;

  @Field(() => Float)
  @Column({ type: "numeric", precision: 14, scale: 2, transformer: NUMERIC })
  quantity: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  evidence: string | null;

  @Field(() => MeasurementSource)
  @Column({ type: "text" })
  source: MeasurementSource;

  @Field(() => String, { description: "Why it was corrected." })
  @Column({ type: "text" })
  reason: string;

  @Column({ name: "replaced_by", type: "uuid", nullable: true })
  replacedBy: string | null;

  @Field(() => Date)
  @Column({ name: "replaced_at", type: "timestamptz", default: () => "now()" })
  replacedAt: Date;
}
