// STO eligibility: record an assessment (ADMIN or PANEL_MEMBER); the organisation's stoStatus follows the latest.
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

type Answers = Pick<RecordStoAssessmentInput,
  "tradesForSocialPurpose" | "communityLed" | "keepsSurplusInRegion" | "notGrantOnlyCharity" | "doesNotExportProfit">;

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
      if (organisation.archivedAt) c.add("organisationId", "ARCHIVED", "Archived organisations are not assessed.");
      if (!c.ok) refuseAll(c.errors);
      const outcome = outcomeOf(input);
      const assessment = await m.save(m.create(StoAssessment, {
        organisationId,
        tradesForSocialPurpose: input.tradesForSocialPurpose,
        communityLed: input.communityLed,
        keepsSurplusInRegion: input.keepsSurplusInRegion,
        notGrantOnlyCharity: input.notGrantOnlyCharity,
        doesNotExportProfit: input.doesNotExportProfit,
        outcome,
        reasons: reasons!,
        assessedBy: actor.viewer.userId,
      }));
      const before = organisation.stoStatus;
      organisation.stoStatus = outcome;
      await saveChange(m, actor, organisation, {
        action: "organisation.assessEligibility", before: { stoStatus: before }, after: { stoStatus: outcome, assessmentId: assessment.id, reasons },
      });
      return { assessment };
    });
  }
}
