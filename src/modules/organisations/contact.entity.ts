// A contact person of an organisation. Personal data: the person's organisation's members and ADMIN only.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A contact person. Visible to the organisation's members and ADMIN only." })
@Entity({ name: "organisation_contact" })
export class Contact {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index("organisation_contact_org_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Their role, e.g. Chair, Finance lead." })
  @Column({ type: "text", nullable: true })
  role: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  phone: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
