// An organisation's request to join a cluster that needs a facilitator's approval, and what became of it.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { JoinRequestStatus } from "../cluster.enums";

@ObjectType({ implements: Node, description: "A request to join a cluster: for its facilitators and ADMIN to decide, and for the asking organisation's people to follow." })
@Entity({ name: "cluster_join_request" })
@Index("cluster_join_request_cluster_idx", ["clusterId", "requestedAt"])
@Index("cluster_join_request_pending_key", { synchronize: false })
export class ClusterJoinRequest {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cluster_id", type: "uuid" })
  clusterId: string;

  @Index("cluster_join_request_organisation_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => JoinRequestStatus)
  @Column({ type: "text", default: JoinRequestStatus.PENDING })
  status: JoinRequestStatus;

  @Column({ name: "requested_by", type: "uuid", nullable: true })
  requestedBy: string | null;

  @Field({ description: "When the organisation asked." })
  @CreateDateColumn({ name: "requested_at", type: "timestamptz" })
  requestedAt: Date;

  @Column({ name: "decided_by", type: "uuid", nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: "When a facilitator or ADMIN approved or refused it." })
  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt: Date | null;
}
