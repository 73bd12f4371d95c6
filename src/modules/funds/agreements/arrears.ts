// Arrears of many agreements on one day: the schedule version in force then, its instalments, and the cash repaid.
import type { DataSource } from "typeorm";
import { money } from "../../../graphql/scalars";
import { RepaymentSchedule, ScheduledInstalment } from "./schedule.entity";
import { MovementKind } from "../funds.enums";
import { movementsWhere } from "../ledger/movements";
import { arrearsAsOf } from "./schedule";
import { Arrears } from "./agreements.types";

export async function arrearsOn(db: DataSource, agreementIds: readonly string[], asOf: string): Promise<Map<string, Arrears>> {
  const schedules = await db.getRepository(RepaymentSchedule).createQueryBuilder("s")
    .where("s.agreement_id = ANY(:ids)", { ids: [...agreementIds] }).orderBy("s.version", "ASC").getMany();
  // The version in force is the latest that took effect by the day (the offer's own before any took effect).
  const inForce = new Map<string, RepaymentSchedule>();
  for (const s of schedules) {
    if (!inForce.has(s.agreementId) || s.effectiveOn <= asOf) inForce.set(s.agreementId, s);
  }
  const [instalments, movements] = await Promise.all([
    db.getRepository(ScheduledInstalment).createQueryBuilder("i")
      .where("i.schedule_id = ANY(:ids)", { ids: [...inForce.values()].map((s) => s.id) }).orderBy("i.number", "ASC").getMany(),
    movementsWhere(db, "agreement_id", agreementIds),
  ]);
  const result = new Map<string, Arrears>();
  for (const [agreementId, schedule] of inForce) {
    const figures = arrearsAsOf(
      instalments.filter((i) => i.scheduleId === schedule.id),
      schedule.paidBeforePence,
      movements.filter((mv) => mv.agreementId === agreementId && mv.kind === MovementKind.CASH_REPAYMENT).map((mv) => ({ on: mv.occurredOn, pence: mv.pence })),
      asOf,
    );
    result.set(agreementId, Object.assign(new Arrears(), {
      asOf, due: money(figures.duePence), repaid: money(figures.repaidPence), amount: money(figures.arrearsPence),
      oldestUnpaidDueOn: figures.oldestUnpaidDueOn, daysOverdue: figures.daysOverdue, scheduleVersion: schedule.version,
    }));
  }
  return result;
}
