// A ledger account of one fund: its pool, a contributor, an agreement's receivable, social value repaid, write-offs.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { AccountKind } from "./ledger.enums";

@Entity({ name: "ledger_account" })
@Index("ledger_account_key", { synchronize: false })
export class LedgerAccount {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "fund_id", type: "uuid" })
  fundId: string;

  @Column({ type: "text" })
  kind: AccountKind;

  @Index("ledger_account_agreement_idx")
  @Column({ name: "agreement_id", type: "uuid", nullable: true })
  agreementId: string | null;

  @Column({ type: "text", nullable: true })
  contributor: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
