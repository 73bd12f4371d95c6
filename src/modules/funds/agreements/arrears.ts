// Arrears of many agreements on one day: the schedule version in force then, its instalments, and the cash repaid.
// Money is owed on the schedule only once it has been paid out and until the agreement ends (repaid, closed or
// written off): outside that, an agreement is in no arrears, whatever its schedule says.
import type { DataSource } from "typeorm";
import { money } from "../../../graphql/scalars";
import { RepaymentSchedule, ScheduledInstalment } from "./schedule.entity";
import { Agreement } from "./agreement.entity";
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
  const [instalments, movements, agreements] = await Promise.all([
    db.getRepository(ScheduledInstalment).createQueryBuilder("i")
      .where("i.schedule_id = ANY(:ids)", { ids: [...inForce.values()].map((s) => s.id) }).orderBy("i.number", "ASC").getMany(),
    movementsWhere(db, "agreement_id", agreementIds),
    db.getRepository(Agreement).createQueryBuilder("a").select(["a.id", "a.endedOn"]).where("a.id = ANY(:ids)", { ids: [...agreementIds] }).getMany(),
  ]);
  const endedOn = new Map(agreements.map((a) => [a.id, a.endedOn]));
  const result = new Map<string, Arrears>();
  for (const [agreementId, schedule] of inForce) {
    const figures = arrearsAsOf(
      instalments.filter((i) => i.scheduleId === schedule.id),
      schedule.paidBeforePence,
      movements.filter((mv) => mv.agreementId === agreementId && mv.kind === MovementKind.CASH_REPAYMENT).map((mv) => ({ on: mv.occurredOn, pence: mv.pence })),
      asOf,
    );
    const paidOut = movements.some((mv) => mv.agreementId === agreementId && mv.kind === MovementKind.DISBURSEMENT && mv.occurredOn <= asOf);
    const ended = endedOn.get(agreementId);
    const owing = paidOut && !(ended && ended <= asOf);
    result.set(agreementId, Object.assign(new Arrears(), {
      asOf, due: money(paidOut ? figures.duePence : 0), repaid: money(figures.repaidPence), amount: money(owing ? figures.arrearsPence : 0),
      oldestUnpaidDueOn: owing ? figures.oldestUnpaidDueOn : null, daysOverdue: owing ? figures.daysOverdue : 0, scheduleVersion: schedule.version,
    }));
  }
  return result;
}
