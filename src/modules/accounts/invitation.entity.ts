// An invitation by email to join an organisation with a role: pending until accepted, revoked or expired.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node";
import { OrganisationRole } from "../../auth/roles";

export enum InvitationStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  REVOKED = "REVOKED",
  EXPIRED = "EXPIRED",
}
registerEnumType(InvitationStatus, { name: "InvitationStatus" });

/** Days an invitation stays open. */
export const INVITATION_DAYS = 14;

@ObjectType({ implements: Node, description: "An invitation by email to join an organisation (its owners and ADMIN see it)." })
@Entity({ name: "invitation" })
@Index("invitation_organisation_idx", ["organisationId", "createdAt", "id"])
export class Invitation {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field({ description: "The address invited, as the inviter typed it (lower case)." })
  @Index("invitation_email_idx", { synchronize: false })
  @Column({ type: "text" })
  email: string;

  @Field(() => OrganisationRole)
  @Column({ type: "text" })
  role: OrganisationRole;

  @Index("invitation_token_key", { unique: true })
  @Column({ name: "token_hash", type: "text" })
  tokenHash: string;

  @Column({ name: "invited_by", type: "uuid", nullable: true })
  invitedBy: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field()
  @Column({ name: "expires_at", type: "timestamptz" })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: "accepted_at", type: "timestamptz", nullable: true })
  acceptedAt: Date | null;

  @Column({ name: "accepted_by", type: "uuid", nullable: true })
  acceptedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;
}

export function invitationStatus(i: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (i.acceptedAt) return InvitationStatus.ACCEPTED;
  if (i.revokedAt) return InvitationStatus.REVOKED;
  return i.expiresAt <= now ? InvitationStatus.EXPIRED : InvitationStatus.PENDING;
}
