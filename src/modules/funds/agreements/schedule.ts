// Repayment schedules and arrears: pure calendar-day arithmetic on YYYY-MM-DD strings, so no clock or time zone can move a due day.

export interface ScheduleTerms {
  /** The day the schedule runs from; the first instalment falls one month after the holiday ends. */
  startsOn: string;
  /** The whole term in months, holiday included. */
  termMonths: number;
  holidayMonths: number;
  /** The cash this schedule asks to be repaid (0% interest: exactly this, never more). */
  cashPence: number;
}

export interface Instalment {
  number: number;
  dueOn: string;
  pence: number;
}

export interface CashPayment {
  on: string;
  pence: number;
}

export interface ArrearsFigures {
  /** Cash that should have been repaid by the day (including what was repaid before a reschedule). */
  duePence: number;
  /** Cash repaid on or before the day. */
  repaidPence: number;
  arrearsPence: number;
  /** The due day of the oldest instalment not yet fully repaid and already due; null when none. */
  oldestUnpaidDueOn: string | null;
  daysOverdue: number;
}

// Calendar arithmetic lives in the kit, once; it is re-exported here for the schedule's own callers.
import { addMonths, daysBetween } from "../../../kit/calendar";
export { addMonths, daysBetween };

/**
 * Equal monthly instalments of the cash part after the holiday, the remainder on the last. Each due day is counted
 * from the start (not from the previous instalment), so a short month never drags later instalments earlier.
 */
export function instalmentsFor(t: ScheduleTerms): Instalment[] {
  if (t.cashPence === 0) return [];
  const count = t.termMonths - t.holidayMonths;
  const each = Math.floor(t.cashPence / count);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueOn: addMonths(t.startsOn, t.holidayMonths + i + 1),
    pence: i === count - 1 ? t.cashPence - each * (count - 1) : each,
  }));
}

/**
 * Arrears on `asOf`: what should have been repaid by then (what was repaid before this schedule took over, plus its
 * instalments due on or before the day) less the cash repaid on or before the day. Repayments settle the oldest
 * instalments first.
 */
export function arrearsAsOf(instalments: Instalment[], paidBeforePence: number, payments: CashPayment[], asOf: string): ArrearsFigures {
  const repaidPence = payments.filter((p) => p.on <= asOf).reduce((s, p) => s + p.pence, 0);
  let covered = repaidPence - paidBeforePence;
  let duePence = paidBeforePence;
  let oldestUnpaidDueOn: string | null = null;
  for (const i of instalments) {
    if (i.dueOn > asOf) break;
    duePence += i.pence;
    if (covered >= i.pence) covered -= i.pence;
    else {
      covered = 0;
      if (i.pence > 0) oldestUnpaidDueOn ??= i.dueOn;
    }
  }
  const arrearsPence = Math.max(0, duePence - repaidPence);
  return {
    duePence, repaidPence, arrearsPence,
    oldestUnpaidDueOn: arrearsPence > 0 ? oldestUnpaidDueOn : null,
    daysOverdue: arrearsPence > 0 && oldestUnpaidDueOn ? daysBetween(oldestUnpaidDueOn, asOf) : 0,
  };
}
