// Collects field-level user errors for a mutation's input, so every problem is reported at once.
import { Refusal, refusal } from "./refusals";
import { formatPence } from "./money";

export class InputChecks {
  readonly errors: Refusal[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  add(field: string | null, code: string, message: string): this {
    this.errors.push(refusal(field, code, message));
    return this;
  }

  /** Trimmed text within `max` characters; `required` refuses blank. Returns the trimmed value. */
  text(field: string, value: string | null | undefined, o: { max: number; required?: boolean; label?: string }): string | null | undefined {
    const label = o.label ?? field.split(".").pop();
    if (value === undefined || value === null) {
      if (o.required) this.add(field, "REQUIRED", `Give a ${label}.`);
      return value;
    }
    const trimmed = value.trim();
    if (o.required && trimmed.length === 0) this.add(field, "REQUIRED", `Give a ${label}; it cannot be blank.`);
    else if (trimmed.length > o.max) this.add(field, "TOO_LONG", `Keep the ${label} to ${o.max} characters or fewer.`);
    return o.required || trimmed.length ? trimmed : null;
  }

  /** A client's idempotency key (required, at most 200 characters). */
  idempotencyKey(value: string | null | undefined, field = "idempotencyKey"): string {
    return this.text(field, value, { max: 200, required: true, label: "idempotency key" }) ?? "";
  }

  int(field: string, value: number | null | undefined, min: number, max: number): void {
    if (value === undefined || value === null) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.add(field, "OUT_OF_RANGE", `${field.split(".").pop()} must be a whole number from ${min} to ${max}.`);
    }
  }

  /** A day something happened: never one still to come (UK `today`), never before `notBefore` (e.g. the stage before). */
  pastDay(field: string, day: string, today: string, notBefore?: { day: string; what: string }): void {
    if (day > today) this.add(field, "IN_FUTURE", "Record what has happened, on the day it happened: that day is still to come.");
    else if (notBefore && day < notBefore.day) this.add(field, "TOO_EARLY", `That day is before ${notBefore.what} (${notBefore.day}).`);
  }

  /** Money in whole pence within [min, max]: fractions and negatives are refused, never rounded. */
  pence(field: string, value: number | null | undefined, o: { min: number; max: number; label?: string }): void {
    if (value === undefined || value === null) return;
    const label = o.label ?? field.split(".").pop();
    if (!Number.isSafeInteger(value)) this.add(field, "NOT_WHOLE_PENCE", `Give the ${label} in whole pence (e.g. 2500000 for £25,000.00).`);
    else if (value < o.min) this.add(field, value < 0 ? "NEGATIVE_AMOUNT" : "AMOUNT_TOO_SMALL", `The ${label} must be at least ${formatPence(o.min)}.`);
    else if (value > o.max) this.add(field, "AMOUNT_TOO_LARGE", `The ${label} can be at most ${formatPence(o.max)}.`);
  }
}
