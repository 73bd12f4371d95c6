// A membership that ended: who belonged to which organisation until when. Kept so rules that look back (a panel
// member who belonged to an applicant in the last 12 months has a conflict) still see people who have left.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "organisation_membership_ended" })
@Index("organisation_membership_ended_user_idx", ["userId", "endedAt"])
export class PastMembership {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "user_id", type: "uuid" })
  userId: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Column({ type: "text" })
  role: string;

  @Column({ name: "began_at", type: "timestamptz" })
  beganAt: Date;

  @Column({ name: "ended_at", type: "timestamptz", default: () => "now()" })
  endedAt: Date;
}
