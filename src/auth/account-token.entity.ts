// Single-use tokens sent by email (verify an email, reset a password): only their SHA-256 hash is stored.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

export enum TokenPurpose {
  VERIFY_EMAIL = "VERIFY_EMAIL",
  RESET_PASSWORD = "RESET_PASSWORD",
}

@Entity({ name: "account_token" })
@Index("account_token_user_idx", ["userId", "purpose"])
export class AccountToken {
  @PrimaryColumn({ name: "token_hash", type: "text" })
  tokenHash: string;

  @Column({ type: "text" })
  purpose: TokenPurpose;

  @Column({ name: "user_id", type: "uuid" })
  userId: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "expires_at", type: "timestamptz" })
  expiresAt: Date;

  @Column({ name: "used_at", type: "timestamptz", nullable: true })
  usedAt: Date | null;
}
