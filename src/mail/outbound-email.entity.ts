// An email waiting for the mail worker, written in the same transaction as the change that calls for it. The body
// (which may carry a single-use link) is removed once the email has gone.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "outbound_email" })
export class OutboundEmail {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Index("outbound_email_recipient_idx", { synchronize: false })
  @Column({ type: "text" })
  recipient: string;

  @Column({ type: "text" })
  subject: string;

  @Column({ type: "text", nullable: true })
  body: string | null;

  /** What the email is for (verify-email, reset-password, invitation, ...). */
  @Column({ type: "text" })
  kind: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "sent_at", type: "timestamptz", nullable: true })
  sentAt: Date | null;
}
