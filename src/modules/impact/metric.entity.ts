// The metric catalogue: measures organisations report (code, unit, theme, how it adds up) and each measure's £ proxy
// values, versioned by the day they take effect, so a period is always valued at the proxy in force when it ended.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../kit/versioned-record";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { ImpactAggregation, ImpactTheme, ImpactUnit } from "./impact.enums";

@ObjectType({ implements: Node, description: "A measure in the impact catalogue, with its £ proxy values by period." })
@Entity({ name: "impact_metric" })
@Index("impact_metric_code_key", ["code"], { unique: true })
export class ImpactMetric extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Field({ description: "Stable short code, e.g. VOLUNTEER_HOURS: what imports and filters name it by." })
  @Column({ type: "text" })
  code: string;

  @Field()
  @Column({ type: "text" })
  name: string;

  @Field({ description: "What counts, and how it is evidenced." })
  @Column({ type: "text" })
  definition: string;

  @Field(() => ImpactUnit)
  @Column({ type: "text" })
  unit: ImpactUnit;

  @Field(() => ImpactTheme)
  @Index("impact_metric_theme_idx")
  @Column({ type: "text" })
  theme: ImpactTheme;

  @Field(() => ImpactAggregation)
  @Column({ type: "text" })
  aggregation: ImpactAggregation;
}

@ObjectType({ description: "A £ value per unit of a measure, in force from a day until the next version's day." })
@Entity({ name: "impact_proxy_value" })
@Index("impact_proxy_value_key", ["metricId", "validFrom"], { unique: true })
@Index("impact_proxy_value_version_key", ["metricId", "version"], { unique: true })
export class ImpactProxyValue {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "metric_id", type: "uuid" })
  metricId: string;

  @Field(() => Int, { description: "1 for the measure's first proxy value, then 2, 3, ... as values are added." })
  @Column({ type: "int" })
  version: number;

  @Column({ name: "value_per_unit_pence", type: "bigint" })
  valuePerUnitPence: number;

  @Field(() => DateScalar, { description: "Periods ending on or after this day (until the next version) are valued at this proxy." })
  @Column({ name: "valid_from", type: "date" })
  validFrom: string;

  @Field({ description: "Where the value comes from (a published unit cost database, a TOMs release...)." })
  @Column({ type: "text" })
  source: string;

  @Field({ description: "True for the demo data set's illustrative values: never use them for a real report." })
  @Column({ type: "boolean", default: false })
  demo: boolean;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
