// A balanced group of postings recording one movement of money (a contribution, disbursement, repayment, write-off).
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MovementKind } from "./ledger.enums";

@Entity({ name: "ledger_group" })
@Index("ledger_group_fund_idx", ["fundId", "kind"])
@Index("ledger_group_agreement_idx", ["agreementId", "occurredOn", "id"])
@Index("ledger_group_day_idx", ["occurredOn", "fundId"])
export class LedgerGroup {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "fund_id", type: "uuid" })
  fundId: string;

  @Column({ type: "text" })
  kind: MovementKind;

  @Column({ name: "agreement_id", type: "uuid", nullable: true })
  agreementId: string | null;

  /** The day the money moved (a calendar day, as on a bank statement). */
  @Column({ name: "occurred_on", type: "date" })
  occurredOn: string;

  @Column({ type: "text", nullable: true })
  memo: string | null;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;

  @Column({ name: "recorded_at", type: "timestamptz", default: () => "now()" })
  recordedAt: Date;
}
