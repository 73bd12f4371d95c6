// An organisation's facts for a calendar year that dashboards need beside its measures: turnover, employees (FTE),
// volunteers and external funding levered. One row per organisation and year, edited with expectedVersion.
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { NUMERIC } from "./measurement.entity";

@ObjectType({ description: "An organisation's facts for one calendar year." })
@Entity({ name: "impact_organisation_year" })
export class OrganisationYear {
  @PrimaryColumn({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => Int)
  @PrimaryColumn({ type: "int" })
  year: number;

  @Column({ name: "turnover_pence", type: "bigint", nullable: true })
  turnoverPence: number | null;

  @Field(() => Float, { nullable: true, description: "Employees in full-time equivalents." })
  @Column({ name: "employees_fte", type: "numeric", precision: 10, scale: 2, nullable: true, transformer: NUMERIC })
  employeesFte: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  volunteers: number | null;

  @Column({ name: "external_funding_pence", type: "bigint", nullable: true })
  externalFundingPence: number | null;

  @Field(() => Int, { description: "Send it back as expectedVersion when changing the year's facts." })
  @Column({ type: "int", default: 1 })
  version: number;

  @Column({ name: "updated_by", type: "uuid", nullable: true })
  updatedBy: string | null;

  @Field(() => Date)
  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}
