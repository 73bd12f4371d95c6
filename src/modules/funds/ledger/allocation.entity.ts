// Lineage: pounds of one lot disbursed to one agreement by one disbursement.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "fund_allocation" })
@Index("fund_allocation_agreement_idx", ["agreementId", "id"])
export class FundAllocation {
  /** Also the first-in-first-out order in which an agreement's pounds are repaid. */
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Index("fund_allocation_fund_idx")
  @Column({ name: "fund_id", type: "uuid" })
  fundId: string;

  @Index("fund_allocation_group_idx")
  @Column({ name: "ledger_group_id", type: "uuid" })
  ledgerGroupId: string;

  @Column({ name: "agreement_id", type: "uuid" })
  agreementId: string;

  @Index("fund_allocation_lot_idx")
  @Column({ name: "lot_id", type: "bigint" })
  lotId: string;

  @Column({ type: "bigint" })
  pence: number;
}
