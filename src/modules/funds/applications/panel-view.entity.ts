// One panel member's view of an application, with any conflict of interest that excludes it from the decision.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { ConflictOfInterest, PanelStance } from "../funds.enums";

@ObjectType({ implements: Node, description: "A panel member's view of an application. Views with a conflict of interest are excluded." })
@Entity({ name: "panel_view" })
@Index("panel_view_member_key", ["applicationId", "memberUserId"], { unique: true })
export class PanelView {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "application_id", type: "uuid" })
  applicationId: string;

  @Column({ name: "member_user_id", type: "uuid" })
  memberUserId: string;

  @Column({ name: "member_organisation_id", type: "uuid", nullable: true })
  memberOrganisationId: string | null;

  @Field(() => PanelStance)
  @Column({ type: "text" })
  stance: PanelStance;

  @Field()
  @Column({ type: "text" })
  comment: string;

  @Field(() => ConflictOfInterest, { nullable: true, description: "Set when the view is excluded from the decision." })
  @Column({ type: "text", nullable: true })
  conflict: ConflictOfInterest | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "conflict_note", type: "text", nullable: true })
  conflictNote: string | null;

  @Field(() => [String], {
    description: "Clusters the member's organisations share with the applicant: a declared connection, shown to the panel, not a conflict.",
  })
  @Column({ name: "shared_clusters", type: "text", array: true, default: () => "'{}'" })
  sharedClusters: string[];

  @Field(() => Int)
  @Column({ type: "int", default: 1 })
  version: number;

  @Field()
  @Column({ name: "recorded_at", type: "timestamptz", default: () => "now()" })
  recordedAt: Date;

  @Field()
  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}
