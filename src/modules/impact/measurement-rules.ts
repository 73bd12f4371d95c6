// The rules a measurement's figures keep, wherever they come from (the API or a CSV import): a known measure, a period
// that ends on or after it starts and has happened, a quantity the measure's unit allows, an organisation not archived.
import type { EntityManager } from "typeorm";
import { InputChecks } from "../../kit/input-checks";
import { daysBetween } from "../../kit/calendar";
import { organisationsApi } from "../organisations/organisations.api";
import { UNITS_ALLOWING_NEGATIVE } from "./impact.enums";
import { ImpactMetric } from "./metric.entity";

/** A period longer than three years is a typo, not a report. */
export const MAX_PERIOD_DAYS = 1095;
/** Far beyond any count, hour or pound a single organisation reports in a period. */
export const MAX_QUANTITY = 100_000_000_000;
export const EVIDENCE_LIMIT = 2000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface MeasurementFigures {
  periodStart: string;
  periodEnd: string;
  quantity: number;
  evidence?: string | null;
}

/** Checks a period; `today` is the UK day (a period still running cannot be reported). */
export function checkPeriod(c: InputChecks, start: string, end: string, today: string, prefix = ""): void {
  if (!DAY.test(start) || !DAY.test(end)) return void c.add(`${prefix}periodStart`, "INVALID_DAY", "Give days as YYYY-MM-DD.");
  if (end < start) c.add(`${prefix}periodEnd`, "PERIOD_ENDS_BEFORE_START", "The period must end on or after the day it starts.");
  else if (daysBetween(start, end) > MAX_PERIOD_DAYS) c.add(`${prefix}periodEnd`, "PERIOD_TOO_LONG", "Report periods of at most three years.");
  if (end > today) c.add(`${prefix}periodEnd`, "PERIOD_NOT_OVER", "Report a period once it has ended.");
}

/** Checks a quantity against the measure's unit: whole hundredths, within bounds, negative only where the unit allows. */
export function checkQuantity(c: InputChecks, metric: ImpactMetric, quantity: number, field = "quantity"): void {
  if (!Number.isFinite(quantity) || Math.abs(quantity) >= MAX_QUANTITY) {
    c.add(field, "OUT_OF_RANGE", "Give a quantity below 100,000,000,000.");
  } else if (Math.round(quantity * 100) !== Number((quantity * 100).toFixed(6))) {
    c.add(field, "TOO_PRECISE", "Give the quantity to at most two decimal places.");
  } else if (quantity < 0 && !UNITS_ALLOWING_NEGATIVE.includes(metric.unit)) {
    c.add(field, "NEGATIVE_QUANTITY", "This measure counts what happened: the quantity cannot be negative.");
  }
}

/** Checks the organisation can report: it exists and is not archived. */
export async function checkReporter(c: InputChecks, m: EntityManager, organisationId: string, field = "organisationId"): Promise<void> {
  const o = (await organisationsApi.byIds(m, [organisationId])).get(organisationId);
  if (!o) c.add(field, "NOT_FOUND", "No organisation has that ID.");
  else if (o.archivedAt) c.add(field, "ARCHIVED", "That organisation is archived: it reports nothing more.");
}

/** Measures by code, for checks of many rows at once. */
export async function metricsByCode(m: EntityManager, codes: string[]): Promise<Map<string, ImpactMetric>> {
  if (!codes.length) return new Map();
  const rows = await m.getRepository(ImpactMetric).createQueryBuilder("x").where("x.code = ANY(:codes)", { codes }).getMany();
  return new Map(rows.map((x) => [x.code, x]));
}

/** The evidence note, trimmed; null when blank. */
export function checkEvidence(c: InputChecks, evidence: string | null | undefined, field = "evidence"): string | null {
  return c.text(field, evidence, { max: EVIDENCE_LIMIT, label: "evidence" }) ?? null;
}
