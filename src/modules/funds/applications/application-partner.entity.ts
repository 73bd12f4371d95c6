// A partner organisation on a collective application: invited by the lead, consenting (or declining) for itself.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { PartnerConsent } from "../funds.enums";

@ObjectType({ description: "A partner organisation on a collective application, and whether it has consented." })
@Entity({ name: "funding_application_partner" })
@Index("funding_application_partner_key", ["applicationId", "organisationId"], { unique: true })
export class ApplicationPartner {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "application_id", type: "uuid" })
  applicationId: string;

  @Index("funding_application_partner_organisation_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => PartnerConsent)
  @Column({ type: "text", default: PartnerConsent.INVITED })
  consent: PartnerConsent;

  @Column({ name: "invited_by", type: "uuid", nullable: true })
  invitedBy: string | null;

  @Field({ description: "When the lead added the partner." })
  @Column({ name: "invited_at", type: "timestamptz", default: () => "now()" })
  invitedAt: Date;

  /** Who consented or declined for the partner: kept and audited, not shown (personal data). */
  @Column({ name: "responded_by", type: "uuid", nullable: true })
  respondedBy: string | null;

  @Field(() => Date, { nullable: true, description: "When the partner consented or declined." })
  @Column({ name: "responded_at", type: "timestamptz", nullable: true })
  respondedAt: Date | null;
}
