// Which partner may change an organisation through its API keys: the partner that created it, or one its owner linked.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

export type PartnerLinkOrigin = "CREATED" | "LINKED";

@Entity({ name: "organisation_partner" })
export class OrganisationPartner {
  @PrimaryColumn({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  /** The partner (src/modules/partners), or the API key itself for a key made without a partner. */
  @Index("organisation_partner_partner_idx")
  @PrimaryColumn({ name: "partner_id", type: "uuid" })
  partnerId: string;

  @Column({ type: "text" })
  origin: PartnerLinkOrigin;

  /** The owner (or ADMIN) who linked it; null when the partner created the organisation. */
  @Column({ name: "linked_by", type: "uuid", nullable: true })
  linkedBy: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
