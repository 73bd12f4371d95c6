// The domain events of pay-it-forward funds: what other modules and partners follow funding by. Each is recorded
// through domainEvents.record in the transaction of its change, so it exists exactly when the change committed. Data
// carries ids, statuses, days and pence, never personal data.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { domainEvents } from "../../events/domain-events";
import type { AgreementStatus, DecisionOutcome, MovementKind } from "./funds.enums";

/** What an agreement's events say about it. */
interface AgreementFacts {
  id: string;
  fundId: string;
  organisationId: string;
  amountPence: number;
}

const aboutAgreement = (a: AgreementFacts) => ({ agreementId: a.id, fundId: a.fundId, organisationId: a.organisationId, amountPence: a.amountPence });

export const fundEvents = {
  /**
   * The panel decided an application: DECLINE, or OFFER with the agreement it created; `override` when ADMIN overrode the
   * panel. `partnerOrganisationIds` are a collective application's partners (none for an application by one organisation).
   */
  applicationDecided(m: EntityManager, actor: Actor, d: {
    applicationId: string; fundId: string; roundId: string | null; organisationId: string; partnerOrganisationIds: string[];
    outcome: DecisionOutcome; agreementId: string | null; override: boolean;
  }) {
    return domainEvents.record(m, actor, { type: "application.decided", subjectType: "FundingApplication", subjectId: d.applicationId, data: d });
  },

  /** The first disbursement made an offered agreement ACTIVE. */
  agreementActivated(m: EntityManager, actor: Actor, a: AgreementFacts, first: { movementId: string; pence: number; occurredOn: string }) {
    return domainEvents.record(m, actor, {
      type: "agreement.activated", subjectType: "Agreement", subjectId: a.id,
      data: { ...aboutAgreement(a), firstDisbursement: first },
    });
  },

  /** Cash repaid into the fund, or social value credited for an accepted claim. */
  repaymentRecorded(m: EntityManager, actor: Actor, r: {
    movementId: string; kind: MovementKind.CASH_REPAYMENT | MovementKind.SOCIAL_REPAYMENT; pence: number; occurredOn: string;
    agreementId: string; fundId: string; claimId?: string;
  }) {
    const { movementId, ...data } = r;
    return domainEvents.record(m, actor, { type: "repayment.recorded", subjectType: "FundMovement", subjectId: movementId, data });
  },

  /** The agreement ended: REPAID, CLOSED or WRITTEN_OFF. */
  agreementEnded(m: EntityManager, actor: Actor, a: AgreementFacts, end: { status: AgreementStatus; endedOn: string }) {
    return domainEvents.record(m, actor, { type: "agreement.ended", subjectType: "Agreement", subjectId: a.id, data: { ...aboutAgreement(a), ...end } });
  },
};
