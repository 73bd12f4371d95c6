// Collects field-level user errors for a mutation's input, so every problem is reported at once.
import { UserError, userError } from "./errors";

export class InputChecks {
  readonly errors: UserError[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  add(field: string | null, code: string, message: string): this {
    this.errors.push(userError(field, code, message));
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

  int(field: string, value: number | null | undefined, min: number, max: number): void {
    if (value === undefined || value === null) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.add(field, "OUT_OF_RANGE", `${field.split(".").pop()} must be a whole number from ${min} to ${max}.`);
    }
  }
}
