// Lineage: a lot of money that entered a fund's pool, from a contribution or from a cash repayment of an allocation.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "fund_lot" })
@Index("fund_lot_fund_idx", ["fundId", "id"])
export class FundLot {
  /** Also the first-in-first-out order in which lots are drawn. */
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Column({ name: "fund_id", type: "uuid" })
  fundId: string;

  @Index("fund_lot_group_idx")
  @Column({ name: "ledger_group_id", type: "uuid" })
  ledgerGroupId: string;

  /** The contribution these pounds first came from, however often they have gone round since. */
  @Column({ name: "contribution_id", type: "uuid" })
  contributionId: string;

  /** 1 for a contribution's money; n for money on its n-th time out of the pool. */
  @Column({ type: "int" })
  generation: number;

  /** For a repayment's lot: the allocation whose pounds came back. */
  @Index("fund_lot_source_idx")
  @Column({ name: "source_allocation_id", type: "bigint", nullable: true })
  sourceAllocationId: string | null;

  @Column({ type: "bigint" })
  pence: number;
}
