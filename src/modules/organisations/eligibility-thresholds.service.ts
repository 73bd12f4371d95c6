// The network's eligibility thresholds as settings with a history: the version in force, and setting a new one (ADMIN).
import type { DataSource, EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { audit } from "../../audit/audit";
import { inTransaction } from "../../db/transaction";
import { InputChecks } from "../../kit/input-checks";
import { notAllowed, refuseAll, Result } from "../../kit/refusals";
import { organisationAccess } from "./access";
import { EligibilityThresholds } from "./eligibility-thresholds.entity";
import type { SetEligibilityThresholdsInput } from "./organisations.inputs";

/** A moment of slack for "now" sent by a client whose clock runs a little behind. */
const CLOCK_SLACK_MS = 60_000;

/** The version assessments recorded at `at` use: the latest whose validFrom has come (a migration sets version 1). */
export async function thresholdsInForce(m: DataSource | EntityManager, at = new Date()): Promise<EligibilityThresholds> {
  const found = await m.getRepository(EligibilityThresholds).createQueryBuilder("t")
    .where("t.valid_from <= :at", { at }).orderBy("t.valid_from", "DESC").addOrderBy("t.version", "DESC").getOne();
  if (!found) throw new Error("No eligibility thresholds are in force: the migration that sets version 1 has not run.");
  return found;
}

export class EligibilityThresholdsService {
  constructor(private readonly db: DataSource) {}

  async set(actor: Actor, input: SetEligibilityThresholdsInput): Promise<Result<{ thresholds: EligibilityThresholds }>> {
    if (!organisationAccess.setThresholds(actor.viewer)) return { errors: [notAllowed("Only network staff (ADMIN) set the eligibility thresholds.")] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      c.int("minTradingIncomePercent", input.minTradingIncomePercent, 0, 100);
      c.int("minCommunityBoardPercent", input.minCommunityBoardPercent, 0, 100);
      const reason = c.text("reason", input.reason, { max: 2000, required: true });
      const now = new Date();
      const validFrom = input.validFrom ?? now;
      if (validFrom.getTime() < now.getTime() - CLOCK_SLACK_MS) {
        c.add("validFrom", "IN_PAST", "Thresholds apply from now or later; earlier assessments keep the version they used.");
      }
      if (!c.ok) refuseAll(c.errors);
      // Two ADMINs setting at once queue here, so versions are numbered without gaps or repeats.
      await m.query("LOCK TABLE eligibility_thresholds IN SHARE ROW EXCLUSIVE MODE");
      const [{ last }] = await m.query("SELECT coalesce(max(version), 0)::int AS last FROM eligibility_thresholds");
      const thresholds = await m.save(m.create(EligibilityThresholds, {
        version: last + 1, minTradingIncomePercent: input.minTradingIncomePercent, minCommunityBoardPercent: input.minCommunityBoardPercent,
        assetLockRequired: input.assetLockRequired, validFrom, setBy: actor.viewer.userId, reason: reason!,
      }));
      const { id: _id, setAt: _s, ...after } = thresholds;
      await audit.record(m, actor, { action: "eligibilityThresholds.set", entityType: "EligibilityThresholds", entityId: thresholds.id, after });
      return { thresholds };
    });
  }
}
