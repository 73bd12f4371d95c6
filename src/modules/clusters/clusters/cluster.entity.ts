// A cluster (Collaborating Community): what brings its organisations together, and where it is in its life.
import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { Cause } from "../../organisations/organisation.enums";
import { ClusterJoining, ClusterKind, ClusterStatus } from "../cluster.enums";

@ObjectType({ implements: Node, description: "Peer support among organisations brought together by a place, a cause or a community of interest." })
@Entity({ name: "cluster" })
@Index("cluster_name_idx", { synchronize: false })
@Index("cluster_search_idx", { synchronize: false })
export class Cluster extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => ClusterKind)
  @Index("cluster_kind_idx")
  @Column({ type: "text" })
  kind: ClusterKind;

  /** Required for PLACE clusters; a CAUSE or COMMUNITY_OF_INTEREST cluster may name the place it is local to. */
  @Index("cluster_place_idx")
  @Column({ name: "place_id", type: "uuid", nullable: true })
  placeId: string | null;

  @Field(() => Cause, { nullable: true, description: "The cause of a CAUSE cluster." })
  @Column({ type: "text", nullable: true })
  cause: Cause | null;

  @Field(() => String, { nullable: true, description: "The shared interest of a COMMUNITY_OF_INTEREST cluster." })
  @Column({ type: "text", nullable: true })
  interest: string | null;

  @Field(() => ClusterStatus)
  @Index("cluster_status_idx")
  @Column({ type: "text", default: ClusterStatus.FORMING })
  status: ClusterStatus;

  @Field(() => ClusterJoining, { description: "Whether organisations join at once (OPEN) or once a facilitator approves (APPROVAL)." })
  @Column({ type: "text", default: ClusterJoining.APPROVAL })
  joining: ClusterJoining;

  @Field(() => Date, { nullable: true })
  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt: Date | null;
}
