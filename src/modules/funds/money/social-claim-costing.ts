// Costs a social repayment claim from the impact catalogue through impact's api: each cited measurement must be the
// organisation's, verified, end inside the claim's period, have a proxy value in force at its period's end, and not be
// cited by another claim still standing (one delivery repays once).
import type { EntityManager } from "typeorm";
import { InputChecks } from "../../../kit/input-checks";
import { costMeasurements } from "../../impact/impact.api";
import { ClaimStatus } from "../funds.enums";
import { SocialClaimCosting } from "./social-claim-costing.entity";

export interface ClaimCosting {
  lines: Omit<SocialClaimCosting, "claimId">[];
  costedPence: number;
}

export async function costClaim(
  m: EntityManager, c: InputChecks, organisationId: string, ids: string[], period: { from: string; to: string },
): Promise<ClaimCosting> {
  const costed = await costMeasurements(m, ids);
  const cited: { measurement_id: string }[] = ids.length ? await m.query(
    `SELECT DISTINCT x.measurement_id FROM social_claim_measurement x JOIN social_repayment_claim c ON c.id = x.claim_id
     WHERE x.measurement_id = ANY($1::uuid[]) AND c.status <> $2`, [ids, ClaimStatus.REJECTED],
  ) : [];
  const taken = new Set(cited.map((r) => r.measurement_id));
  const lines: ClaimCosting["lines"] = [];
  ids.forEach((id, i) => {
    const field = `measurementIds.${i}`;
    const x = costed.get(id);
    // Another organisation's measurement is refused as if it did not exist: its figures are not the claimant's to see.
    if (!x || x.organisationId !== organisationId) return void c.add(field, "NOT_FOUND", "No measurement of this organisation has that ID.");
    if (!x.verified) return void c.add(field, "NOT_VERIFIED", "Only verified measurements cost a claim: ask for this one to be verified first.");
    if (x.periodEnd < period.from || x.periodEnd > period.to) return void c.add(field, "OUTSIDE_PERIOD", "The measurement's period ends outside the claim's period.");
    if (x.proxyVersion === null) return void c.add(field, "NO_PROXY_VALUE", "The measure had no proxy value in force at the period's end.");
    if (taken.has(id)) return void c.add(field, "ALREADY_CLAIMED", "Another claim that is not rejected cites this measurement.");
    lines.push({
      measurementId: id, metricCode: x.metricCode, periodEnd: x.periodEnd, quantity: x.quantity, proxyVersion: x.proxyVersion,
      valuePerUnitPence: x.valuePerUnitPence!, valuePence: x.valuePence!,
    });
  });
  return { lines, costedPence: lines.reduce((sum, l) => sum + l.valuePence, 0) };
}
