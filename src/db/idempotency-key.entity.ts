// A client's idempotency key for one operation: the request it came with and what that request produced.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

@Entity({ name: "idempotency_key" })
@Index("idempotency_key_created_idx", ["createdAt"])
export class IdempotencyKey {
  /** The operation and the acting user or partner key: one client's keys never touch another's results. */
  @PrimaryColumn({ type: "text" })
  scope: string;

  @PrimaryColumn({ type: "text" })
  key: string;

  /** sha256 of the request's input, so the same key with other input is recognised. */
  @Column({ name: "request_hash", type: "text" })
  requestHash: string;

  /** What the first request produced (e.g. a ledger group id); set before its transaction commits. */
  @Column({ name: "result_ref", type: "text", nullable: true })
  resultRef: string | null;

  /** When the key was claimed; it expires IDEMPOTENCY_KEY_HOURS later (db/idempotency.ts). */
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
