// One period of an organisation's membership of a cluster; leaving closes the period, rejoining opens a new one.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { ClusterRole } from "../cluster.enums";

@ObjectType({ implements: Node, description: "A period of membership: from joinedOn up to (not including) leftOn; null leftOn means current." })
@Entity({ name: "cluster_membership" })
@Index("cluster_membership_open_key", { synchronize: false })
@Index("cluster_membership_cluster_idx", ["clusterId", "joinedOn"])
@Index("cluster_membership_organisation_idx", ["organisationId", "joinedOn"])
export class ClusterMembership {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cluster_id", type: "uuid" })
  clusterId: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => ClusterRole)
  @Column({ type: "text" })
  role: ClusterRole;

  @Field(() => DateScalar)
  @Column({ name: "joined_on", type: "date" })
  joinedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "left_on", type: "date", nullable: true })
  leftOn: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
