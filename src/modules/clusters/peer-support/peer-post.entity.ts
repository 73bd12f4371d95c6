// A peer offer or need: help one organisation can give, or asks for, in one skill.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { PeerPostKind, PeerPostStatus, Skill } from "../cluster.enums";

@ObjectType({ implements: Node, description: "An organisation's offer of help, or its need for help, in one skill." })
@Entity({ name: "peer_post" })
@Index("peer_post_organisation_idx", ["organisationId", "createdAt"])
@Index("peer_post_open_idx", { synchronize: false })
export class PeerPost {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => PeerPostKind)
  @Column({ type: "text" })
  kind: PeerPostKind;

  @Field(() => Skill)
  @Column({ type: "text" })
  skill: Skill;

  @Field()
  @Column({ type: "text" })
  description: string;

  @Field(() => PeerPostStatus)
  @Column({ type: "text", default: PeerPostStatus.OPEN })
  status: PeerPostStatus;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt: Date | null;
}
