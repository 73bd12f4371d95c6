// What every fund use case shares: the ADMIN-only refusal, money limits and days, and the fund-first lock order.
import type { EntityManager } from "typeorm";
import { InputChecks } from "../../kit/input-checks";
import { ActRule, lockRecord } from "../../kit/records";
import { fundAccess } from "./access";
import { notAllowed, refuse } from "../../kit/refusals";
import { Fund } from "./rounds/fund.entity";
import { Agreement } from "./agreements/agreement.entity";

/** The refusal every ADMIN-only use case gives, e.g. onlyAdmin("close agreements"). */
export const onlyAdmin = (what: string) => ({ errors: [notAllowed(`Only network staff (ADMIN) ${what}.`)] });

/** Pence a person might type for one award or movement: far beyond any real one, still a safe integer. */
export const MAX_MOVEMENT_PENCE = 1_000_000_000_00;

/** A day money moved: never in the future, never before `notBefore` (e.g. the award). */
export function checkDay(c: InputChecks, field: string, day: string, today: string, notBefore?: { day: string; what: string }): void {
  if (day > today) c.add(field, "IN_FUTURE", "Record money on the day it moved, not a day still to come.");
  else if (notBefore && day < notBefore.day) c.add(field, "TOO_EARLY", `The day cannot be before ${notBefore.what} (${notBefore.day}).`);
}

/** Locks the fund row: every movement of a fund's money queues here, so no two can both spend the same pound. */
export function lockFund(m: EntityManager, fundId: string, field = "fundId"): Promise<Fund> {
  return lockRecord(m, Fund, fundId, { noun: "fund", field });
}

/** How the agreement use cases name it: "No agreement has that ID." (to ADMIN only) on agreementId. */
export const AGREEMENT = { noun: "agreement", field: "agreementId" };

/**
 * What the organisation does with its own agreement (accept the offer, claim social repayment): its owners and editors,
 * asked before anything is locked (kit/records `allowedFirst`), e.g. organisationActsOn("accept its offers").
 */
export const organisationActsOn = (what: string): ActRule<Agreement> => ({
  allows: (_m, actor, agreement) => fundAccess.actFor(actor.viewer, agreement.organisationId),
  refusal: `Only the organisation's owners and editors ${what}.`,
});

/** Locks an agreement's fund, then the agreement (always in that order, so two use cases never deadlock). */
export async function lockAgreement(m: EntityManager, agreementId: string, field = "agreementId"): Promise<{ fund: Fund; agreement: Agreement }> {
  const found = await m.findOne(Agreement, { where: { id: agreementId }, select: { id: true, fundId: true } });
  if (!found) refuse(field, "NOT_FOUND", "No agreement has that ID.");
  const fund = await lockFund(m, found.fundId);
  const agreement = await m.findOneOrFail(Agreement, { where: { id: agreementId }, lock: { mode: "pessimistic_write" } });
  return { fund, agreement };
}
