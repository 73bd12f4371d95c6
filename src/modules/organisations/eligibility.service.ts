// STO eligibility: record an assessment (ADMIN or PANEL_MEMBER) against the register's facts and the thresholds in
// force; the organisation's stoStatus follows the latest.
import type { DataSource } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { organisationAccess } from "./access";
import { StoAssessment } from "./sto-assessment.entity";
import { StoStatus } from "./organisation.enums";
import { lockOrganisation } from "./organisations.service";
import type { RecordStoAssessmentInput } from "./organisations.inputs";
import { refusal, refuseAll, Result } from "../../kit/refusals";
import { saveChange } from "../../kit/records";
import { InputChecks } from "../../kit/input-checks";
import { Answers, evidenceFor, STO_TESTS } from "./eligibility-evidence";
import { thresholdsInForce } from "./eligibility-thresholds.service";

/** An organisation is an STO only when it meets every one of the network's tests. */
export function outcomeOf(a: Answers): StoStatus {
  return a.tradesForSocialPurpose && a.communityLed && a.keepsSurplusInRegion && a.notGrantOnlyCharity && a.doesNotExportProfit
    ? StoStatus.ELIGIBLE
    : StoStatus.NOT_ELIGIBLE;
}

export type AssessmentResult = Result<{ assessment: StoAssessment }>;

export class EligibilityService {
  constructor(private readonly db: DataSource) {}

  async record(actor: Actor, organisationId: string, input: RecordStoAssessmentInput): Promise<AssessmentResult> {
    if (!organisationAccess.assess(actor.viewer)) {
      return { errors: [refusal(null, "NOT_ALLOWED", "Only network staff (ADMIN) and panel members assess STO eligibility.")] };
    }
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, organisationId);
      const c = new InputChecks();
      const reasons = c.text("reasons", input.reasons, { max: 5000, required: true });
      const overrideReason = c.text("overrideReason", input.overrideReason, { max: 5000 }) || null;
      if (organisation.archivedAt) c.add("organisationId", "ARCHIVED", "Archived organisations are not assessed.");
      if (!c.ok) refuseAll(c.errors);

      const outcome = outcomeOf(input);
      const thresholds = await thresholdsInForce(m);
      const evidence = evidenceFor(organisation, thresholds, input);
      const contradicted = STO_TESTS.filter((t) => evidence.contradicted[t.test]);
      // The record only stands in the way of ELIGIBLE: a NOT_ELIGIBLE outcome keeps its evidence and needs no override.
      if (outcome === StoStatus.ELIGIBLE && contradicted.length && !overrideReason) {
        refuseAll(contradicted.map((t) => refusal(t.answer, "CONTRADICTS_RECORD",
          `${evidence.contradicted[t.test]} Correct the register, or record an override reason to assess the organisation ELIGIBLE anyway.`)));
      }
      if (overrideReason && !(outcome === StoStatus.ELIGIBLE && contradicted.length)) {
        refuseAll([refusal("overrideReason", "OVERRIDE_NOT_NEEDED",
          "An override reason is only for an ELIGIBLE assessment that the register contradicts; put your reasons in reasons.")]);
      }
      const assessment = await m.save(m.create(StoAssessment, {
        organisationId,
        tradesForSocialPurpose: input.tradesForSocialPurpose,
        communityLed: input.communityLed,
        keepsSurplusInRegion: input.keepsSurplusInRegion,
        notGrantOnlyCharity: input.notGrantOnlyCharity,
        doesNotExportProfit: input.doesNotExportProfit,
        outcome,
        reasons: reasons!,
        overrideReason,
        thresholdsId: thresholds.id,
        evidence,
        assessedBy: actor.viewer.userId,
      }));
      const before = organisation.stoStatus;
      organisation.stoStatus = outcome;
      await saveChange(m, actor, organisation, {
        action: "organisation.assessEligibility", before: { stoStatus: before },
        after: { stoStatus: outcome, assessmentId: assessment.id, reasons, overrideReason, thresholdsVersion: thresholds.version },
      });
      return { assessment };
    });
  }
}
