// An org-id identifier of an organisation (GB-COH-, GB-CHC-, GB-MPR-), unique across the register.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "organisation_identifier" })
export class OrganisationIdentifier {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index("organisation_identifier_org_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Column({ type: "text" })
  scheme: string;

  /** The whole org-id string, e.g. GB-COH-12345678. */
  @Index("organisation_identifier_value_key", { unique: true })
  @Column({ type: "text" })
  value: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
