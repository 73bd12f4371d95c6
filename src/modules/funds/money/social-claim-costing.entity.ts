// One verified measurement a social repayment claim cites, costed when claimed: quantity × the proxy value in force at
// the period's end, with the proxy's version, kept as it was (a later correction or proxy value changes no claim).
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";

const NUMERIC = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: "A verified measurement a claim cites, costed from the impact catalogue when claimed." })
@Entity({ name: "social_claim_measurement" })
@Index("social_claim_measurement_measurement_idx", ["measurementId"])
export class SocialClaimCosting {
  @PrimaryColumn({ name: "claim_id", type: "uuid" })
  claimId: string;

  /** Read as `measurement` (a global ID): impact's measurement, whose figures are the organisation's. */
  @PrimaryColumn({ name: "measurement_id", type: "uuid" })
  measurementId: string;

  @Field({ description: "The measure's code in the catalogue." })
  @Column({ name: "metric_code", type: "text" })
  metricCode: string;

  @Field(() => DateScalar, { description: "The measurement period's last day: it chose the proxy value." })
  @Column({ name: "period_end", type: "date" })
  periodEnd: string;

  @Field(() => Float)
  @Column({ type: "numeric", precision: 14, scale: 2, transformer: NUMERIC })
  quantity: number;

  @Field(() => Int, { description: "The version of the measure's proxy value used." })
  @Column({ name: "proxy_version", type: "int" })
  proxyVersion: number;

  @Column({ name: "value_per_unit_pence", type: "bigint" })
  valuePerUnitPence: number;

  @Column({ name: "value_pence", type: "bigint" })
  valuePence: number;
}
