// A peer panel: people drawn from clusters' member organisations who take part in funding decisions.
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { PeerPanelStatus } from "../cluster.enums";

@ObjectType({ implements: Node, description: "People drawn from clusters' member organisations to decide on funding together." })
@Entity({ name: "peer_panel" })
@Index("peer_panel_created_idx", ["createdAt", "id"])
export class PeerPanel extends VersionedRecord({ version: "Increases with every change." }) {
  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => PeerPanelStatus)
  @Column({ type: "text", default: PeerPanelStatus.FORMING })
  status: PeerPanelStatus;
}

/** The clusters a panel is drawn from. */
@Entity({ name: "peer_panel_cluster" })
@Index("peer_panel_cluster_cluster_idx", ["clusterId"])
export class PeerPanelCluster {
  @PrimaryColumn({ name: "panel_id", type: "uuid" })
  panelId: string;

  @PrimaryColumn({ name: "cluster_id", type: "uuid" })
  clusterId: string;
}

@ObjectType({ implements: Node, description: "A person on a peer panel and the member organisation they sit for." })
@Entity({ name: "peer_panel_member" })
@Index("peer_panel_member_current_key", { synchronize: false })
@Index("peer_panel_member_panel_idx", ["panelId", "addedAt"])
@Index("peer_panel_member_user_idx", ["userId"])
export class PeerPanelMember {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "panel_id", type: "uuid" })
  panelId: string;

  @Column({ name: "user_id", type: "uuid" })
  userId: string;

  /** Null for a PANEL_MEMBER user who sits for no organisation. */
  @Column({ name: "organisation_id", type: "uuid", nullable: true })
  organisationId: string | null;

  @Field()
  @Column({ name: "added_at", type: "timestamptz", default: () => "now()" })
  addedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the person left the panel; null while they sit on it." })
  @Column({ name: "removed_at", type: "timestamptz", nullable: true })
  removedAt: Date | null;
}
