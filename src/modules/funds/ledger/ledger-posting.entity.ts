// One side of a ledger group: a debit or a credit of whole pence to one account.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export type Direction = "DEBIT" | "CREDIT";

@Entity({ name: "ledger_posting" })
@Index("ledger_posting_account_idx", { synchronize: false })
export class LedgerPosting {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Index("ledger_posting_group_idx")
  @Column({ name: "group_id", type: "uuid" })
  groupId: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ type: "text" })
  direction: Direction;

  @Column({ type: "bigint" })
  pence: number;
}
