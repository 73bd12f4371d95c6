// STO eligibility: record an assessment (ADMIN or PANEL_MEMBER); the organisation's stoStatus follows the latest.
import type { DataSource } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { inTransaction, Rollback } from "../../db/transaction";
import { UserError, userError } from "../../graphql/errors";
import { InputChecks } from "../../graphql/input-checks";
import { organisationAccess } from "./access";
import { StoAssessment } from "./sto-assessment.entity";
import { StoStatus } from "./organisation.enums";
import { lockOrganisation } from "./organisations.service";
import type { RecordStoAssessmentInput } from "./organisations.inputs";

type Answers = Pick<RecordStoAssessmentInput,
  "tradesForSocialPurpose" | "communityLed" | "keepsSurplusInRegion" | "notGrantOnlyCharity" | "doesNotExportProfit">;

/** An organisation is an STO only when it meets every one of the network's tests. */
export function outcomeOf(a: Answers): StoStatus {
  return a.tradesForSocialPurpose && a.communityLed && a.keepsSurplusInRegion && a.notGrantOnlyCharity && a.doesNotExportProfit
    ? StoStatus.ELIGIBLE
    : StoStatus.NOT_ELIGIBLE;
}

export type AssessmentResult = { assessment: StoAssessment } | { errors: UserError[] };

export class EligibilityService {
  constructor(private readonly db: DataSource) {}

  async record(actor: Actor, organisationId: string, input: RecordStoAssessmentInput): Promise<AssessmentResult> {
    if (!organisationAccess.assess(actor.viewer)) {
      return { errors: [userError(null, "NOT_ALLOWED", "Only network staff (ADMIN) and panel members assess STO eligibility.")] };
    }
    return inTransaction(this.db, async (m) => {
      const organisation = await lockOrganisation(m, organisationId);
      if (!organisation) throw new Rollback({ errors: [userError("organisationId", "NOT_FOUND", "No organisation has that ID.")] });
      const c = new InputChecks();
      const reasons = c.text("reasons", input.reasons, { max: 5000, required: true });
      if (organisation.archivedAt) c.add("organisationId", "ARCHIVED", "Archived organisations are not assessed.");
      if (!c.ok) throw new Rollback({ errors: c.errors });
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
      organisation.version += 1;
      organisation.updatedAt = new Date();
      await m.save(organisation);
      await audit.record(m, actor, {
        action: "organisation.assessEligibility", entityType: "Organisation", entityId: organisationId,
        before: { stoStatus: before }, after: { stoStatus: outcome, assessmentId: assessment.id, reasons },
      });
      return { assessment };
    });
  }
}
