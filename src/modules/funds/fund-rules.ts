// What every fund use case shares: user errors, day and key checks, version checks, and the fund-first lock order.
import type { EntityManager } from "typeorm";
import { Rollback } from "../../db/transaction";
import { userError, UserError } from "../../graphql/errors";
import { InputChecks } from "../../graphql/input-checks";
import { money } from "../../graphql/scalars";
import { Fund } from "./fund.entity";
import { Agreement } from "./agreement.entity";

export const notAllowed = (message: string): UserError => userError(null, "NOT_ALLOWED", message);
/** The refusal every ADMIN-only use case gives, e.g. onlyAdmin("close agreements"). */
export const onlyAdmin = (what: string) => ({ errors: [notAllowed(`Only network staff (ADMIN) ${what}.`)] });
export const refuse = (field: string | null, code: string, message: string): never => {
  throw new Rollback({ errors: [userError(field, code, message)] });
};
export const pounds = (pence: number): string => money(pence).formatted;

/** Pence a person might type for one award or movement: far beyond any real one, still a safe integer. */
export const MAX_MOVEMENT_PENCE = 1_000_000_000_00;

export function checkKey(c: InputChecks, key: string | null | undefined): string {
  return c.text("idempotencyKey", key, { max: 200, required: true, label: "idempotency key" }) ?? "";
}

/** A day money moved: never in the future, never before `notBefore` (e.g. the award). */
export function checkDay(c: InputChecks, field: string, day: string, today: string, notBefore?: { day: string; what: string }): void {
  if (day > today) c.add(field, "IN_FUTURE", "Record money on the day it moved, not a day still to come.");
  else if (notBefore && day < notBefore.day) c.add(field, "TOO_EARLY", `The day cannot be before ${notBefore.what} (${notBefore.day}).`);
}

export function requireVersion(what: string, record: { version: number }, expected: number): void {
  if (record.version !== expected) {
    refuse("expectedVersion", "STALE_VERSION", `Someone else changed this ${what} first (now version ${record.version}). Reload it and try again.`);
  }
}

/** Locks the fund row: every movement of a fund's money queues here, so no two can both spend the same pound. */
export async function lockFund(m: EntityManager, fundId: string, field = "fundId"): Promise<Fund> {
  const fund = await m.findOne(Fund, { where: { id: fundId }, lock: { mode: "pessimistic_write" } });
  return fund ?? refuse(field, "NOT_FOUND", "No fund has that ID.");
}

/** Locks an agreement's fund, then the agreement (always in that order, so two use cases never deadlock). */
export async function lockAgreement(m: EntityManager, agreementId: string, field = "agreementId"): Promise<{ fund: Fund; agreement: Agreement }> {
  const found = await m.findOne(Agreement, { where: { id: agreementId }, select: { id: true, fundId: true } });
  if (!found) refuse(field, "NOT_FOUND", "No agreement has that ID.");
  const fund = await lockFund(m, found!.fundId);
  const agreement = await m.findOneOrFail(Agreement, { where: { id: agreementId }, lock: { mode: "pessimistic_write" } });
  return { fund, agreement };
}

/** Records a change to an agreement's money: a new version and updatedAt, so partners' syncs pick it up. */
export async function touch(m: EntityManager, agreement: Agreement): Promise<Agreement> {
  agreement.version += 1;
  agreement.updatedAt = new Date();
  return m.save(agreement);
}
