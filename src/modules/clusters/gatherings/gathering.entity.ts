// A gathering of a cluster (in a place or online) and which member organisations came, with how many people.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";

@ObjectType({ implements: Node, description: "A meeting of a cluster's members, in a place or online." })
@Entity({ name: "gathering" })
@Index("gathering_cluster_idx", ["clusterId", "startsAt", "id"])
export class Gathering {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cluster_id", type: "uuid" })
  clusterId: string;

  @Field()
  @Column({ name: "starts_at", type: "timestamptz" })
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: "ends_at", type: "timestamptz", nullable: true })
  endsAt: Date | null;

  @Field()
  @Column({ type: "boolean", default: false })
  online: boolean;

  @Column({ name: "place_id", type: "uuid", nullable: true })
  placeId: string | null;

  @Field(() => String, { nullable: true, description: "Where exactly, e.g. the hall or room." })
  @Column({ type: "text", nullable: true })
  venue: string | null;

  @Field()
  @Column({ type: "text" })
  topic: string;

  /** Members only: resolved through a field resolver that applies the rule. */
  @Column({ type: "text", nullable: true })
  notes: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

@ObjectType({ description: "A member organisation at a gathering and how many of its people came." })
@Entity({ name: "gathering_attendance" })
@Index("gathering_attendance_organisation_idx", ["organisationId"])
export class GatheringAttendance {
  @PrimaryColumn({ name: "gathering_id", type: "uuid" })
  gatheringId: string;

  @PrimaryColumn({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => Int)
  @Column({ type: "int" })
  people: number;
}
