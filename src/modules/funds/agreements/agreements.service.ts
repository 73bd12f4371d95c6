// Agreements after the offer: the organisation accepts it; ADMIN reschedules, closes or writes off.
import { allowedFirst, requireVersion, saveChange } from "../../../kit/records";
import { formatPence as pounds } from "../../../kit/money";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction } from "../../../db/transaction";
import { fundAccess } from "../access";
import { Agreement } from "./agreement.entity";
import { moveAgreement } from "./agreement.transitions";
import { RepaymentSchedule } from "./schedule.entity";
import { AgreementStatus } from "../funds.enums";
import { agreementBalances } from "../ledger/figures";
import { ledger } from "../ledger/ledger";
import { checkTiming, ScheduleTiming, writeScheduleVersion } from "./schedule-versions";
import { AGREEMENT, lockAgreement, onlyAdmin, organisationActsOn } from "../fund-rules";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { refuse, refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";

export type AgreementResult = Result<{ agreement: Agreement }>;
export type RescheduleResult = Result<{ agreement: Agreement; schedule: RepaymentSchedule }>;

function reasonOf(reason: string | null | undefined): string {
  const c = new InputChecks();
  const text = c.text("reason", reason, { max: 2000, required: true });
  if (!c.ok) refuseAll(c.errors);
  return text!;
}

export class AgreementsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  /** The organisation accepts the offer; only then can money be disbursed. */
  async acceptOffer(actor: Actor, agreementId: string, input: { expectedVersion: number }): Promise<AgreementResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, Agreement, agreementId, organisationActsOn("accept its offers"), AGREEMENT);
      const { agreement } = await lockAgreement(m, agreementId);
      requireVersion(agreement, input.expectedVersion, "agreement");
      if (agreement.status !== AgreementStatus.OFFERED) refuse(null, WRONG_STATUS, `Only an offer can be accepted; this agreement is ${agreement.status}.`);
      if (agreement.acceptedAt) refuse(null, "ALREADY_ACCEPTED", "This offer has already been accepted.");
      agreement.acceptedAt = new Date();
      await saveChange(m, actor, agreement, { action: "agreement.accept", before: { acceptedAt: null }, after: { acceptedAt: agreement.acceptedAt } });
      return { agreement };
    });
  }

  /**
   * A new schedule version for the cash still to repay; the old versions stay. Cash repaid so far is carried as
   * already paid, so arrears are measured against what was due before plus the new instalments.
   */
  async reschedule(actor: Actor, agreementId: string, input: ScheduleTiming & { expectedVersion: number; reason: string }): Promise<RescheduleResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("reschedule agreements");
    return inTransaction(this.db, async (m) => {
      const { agreement } = await lockAgreement(m, agreementId);
      requireVersion(agreement, input.expectedVersion, "agreement");
      const c = new InputChecks();
      checkTiming(c, input);
      const reason = c.text("reason", input.reason, { max: 2000, required: true });
      if (!c.ok) refuseAll(c.errors);
      if (![AgreementStatus.OFFERED, AgreementStatus.ACTIVE].includes(agreement.status)) {
        refuse(null, WRONG_STATUS, `Only offered and active agreements are rescheduled; this one is ${agreement.status}.`);
      }
      const { repaidCashPence } = (await agreementBalances(m, [agreementId])).get(agreementId)!;
      const coversPence = agreement.cashRepayablePence - repaidCashPence;
      if (coversPence === 0) refuse(null, "NOTHING_TO_RESCHEDULE", "The cash part is already repaid in full.");
      const [{ latest }] = await m.query("SELECT max(version) AS latest FROM agreement_schedule WHERE agreement_id = $1", [agreementId]);
      const today = this.today();
      const schedule = await writeScheduleVersion(m, actor, {
        agreementId, version: latest + 1, effectiveOn: today, startsOn: input.startsOn, termMonths: input.termMonths,
        holidayMonths: input.holidayMonths, coversPence, paidBeforePence: repaidCashPence, reason: reason!,
      });
      await saveChange(m, actor, agreement, {
        action: "agreement.reschedule",
        before: { scheduleVersion: latest }, after: { scheduleVersion: schedule.version, startsOn: input.startsOn, termMonths: input.termMonths, holidayMonths: input.holidayMonths, coversPence, reason },
      });
      return { agreement, schedule };
    });
  }

  /** Closes an offer not taken up, or an active agreement with nothing outstanding (its undrawn part is released). */
  async close(actor: Actor, agreementId: string, input: { expectedVersion: number; reason: string }): Promise<AgreementResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("close agreements");
    return inTransaction(this.db, async (m) => {
      const { agreement } = await lockAgreement(m, agreementId);
      requireVersion(agreement, input.expectedVersion, "agreement");
      const reason = reasonOf(input.reason);
      const { outstandingPence } = (await agreementBalances(m, [agreementId])).get(agreementId)!;
      if (outstandingPence > 0) {
        refuse(null, "OUTSTANDING_BALANCE", `${pounds(outstandingPence)} received is still outstanding: record its repayment, or write it off.`);
      }
      const closed = await moveAgreement(m, actor, agreement, AgreementStatus.CLOSED, this.today());
      await audit.record(m, actor, { action: "agreement.close", entityType: "Agreement", entityId: agreementId, after: { reason } });
      return { agreement: closed };
    });
  }

  /** Writes off what is outstanding (a balanced group to write-offs) and ends the agreement. */
  async writeOff(actor: Actor, agreementId: string, input: { expectedVersion: number; reason: string; idempotencyKey: string }): Promise<AgreementResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("write off agreements");
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const key = c.idempotencyKey(input.idempotencyKey);
      if (!c.ok) refuseAll(c.errors);
      const { idempotencyKey: _key, ...request } = input;
      return once<AgreementResult>(m, actor, { operation: "funds.writeOff", key, input: { agreementId, ...request } }, async () => {
        const { agreement } = await lockAgreement(m, agreementId);
        requireVersion(agreement, input.expectedVersion, "agreement");
        const reason = reasonOf(input.reason);
        if (agreement.status !== AgreementStatus.ACTIVE) refuse(null, WRONG_STATUS, `Only an active agreement is written off; this one is ${agreement.status}.`);
        const { outstandingPence } = (await agreementBalances(m, [agreementId])).get(agreementId)!;
        if (outstandingPence === 0) refuse(null, "NOTHING_OUTSTANDING", "Nothing is outstanding to write off; close the agreement instead.");
        const today = this.today();
        const movement = await ledger.writeOff(m, actor, { fundId: agreement.fundId, agreementId, pence: outstandingPence, occurredOn: today, memo: reason });
        const ended = await moveAgreement(m, actor, agreement, AgreementStatus.WRITTEN_OFF, today);
        await audit.record(m, actor, {
          action: "agreement.writeOff", entityType: "Agreement", entityId: agreementId, after: { movementId: movement.id, pence: outstandingPence, reason },
        });
        return { ref: agreementId, result: { agreement: ended } };
      }, async (ref) => ({ agreement: await m.findOneByOrFail(Agreement, { id: ref }) }));
    });
  }
}
