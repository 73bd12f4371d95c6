// A user's role in one organisation (OWNER, EDITOR, VIEWER); the organisations module adds the foreign key.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node";
import { OrganisationRole } from "./roles";

@ObjectType({ implements: Node, description: "A user's role in one organisation." })
@Entity({ name: "organisation_membership" })
@Index("organisation_membership_user_org_key", ["userId", "organisationId"], { unique: true })
export class Membership {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index("organisation_membership_user_idx")
  @Column({ name: "user_id", type: "uuid" })
  userId: string;

  @Index("organisation_membership_org_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => OrganisationRole)
  @Column({ type: "text" })
  role: OrganisationRole;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
