// Writing schedule versions: the terms of one version and the instalments they yield (kept for ever, like the ledger).
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { RepaymentSchedule, ScheduledInstalment } from "./schedule.entity";
import { instalmentsFor } from "./schedule";
import { InputChecks } from "../../../kit/input-checks";

export const MAX_TERM_MONTHS = 120;

export interface ScheduleTiming {
  startsOn: string;
  termMonths: number;
  holidayMonths: number;
}

export function checkTiming(c: InputChecks, t: ScheduleTiming, prefix = ""): void {
  c.int(`${prefix}termMonths`, t.termMonths, 1, MAX_TERM_MONTHS);
  c.int(`${prefix}holidayMonths`, t.holidayMonths, 0, MAX_TERM_MONTHS - 1);
  if (c.ok && t.holidayMonths >= t.termMonths) {
    c.add(`${prefix}holidayMonths`, "HOLIDAY_TOO_LONG", "The repayment holiday must end before the term does.");
  }
}

export async function writeScheduleVersion(m: EntityManager, actor: Actor, v: ScheduleTiming & {
  agreementId: string; version: number; effectiveOn: string; coversPence: number; paidBeforePence: number; reason: string | null;
}): Promise<RepaymentSchedule> {
  const schedule = await m.save(m.create(RepaymentSchedule, { ...v, createdBy: actor.viewer.userId }));
  const instalments = instalmentsFor({ ...v, cashPence: v.coversPence });
  if (instalments.length) {
    await m.insert(ScheduledInstalment, instalments.map((i) => ({ scheduleId: schedule.id, number: i.number, dueOn: i.dueOn, pence: i.pence })));
  }
  return schedule;
}
