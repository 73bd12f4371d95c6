// Conflicts of interest on a peer panel: one rule, asked both of a member's view (to exclude it from the count) and
// of whoever decides (to bar them), so nobody decides what their view could not count towards.
import type { DataSource, EntityManager } from "typeorm";
import { addMonths } from "../../../kit/calendar";
import { clustersApi } from "../../clusters/clusters.api";
import { organisationsApi } from "../../organisations/organisations.api";
import { ConflictOfInterest } from "../funds.enums";

/** How far back belonging to, trading with or exchanging with an applicant counts as a conflict. */
export const CONFLICT_LOOK_BACK_MONTHS = 12;

export interface PanelPerson {
  userId: string | null;
  /** The organisation they sit for on the panel, if any. */
  seatOrganisationId: string | null;
}

export interface ConflictFinding {
  conflict: ConflictOfInterest | null;
  /** Clusters the person's organisations share with an applicant: a declared connection, not a conflict. */
  sharedClusters: string[];
}

/**
 * The conflict, if any, of a person towards the applicant organisations (a lead and its partners) on `today`:
 * belonging to one now or in the last 12 months (or sitting for one), an organisation of theirs having traded or
 * exchanged with one in that time (recorded peer exchanges), or a declared conflict.
 */
export async function findConflict(db: DataSource | EntityManager, person: PanelPerson, applicantIds: string[], declared: string | null, today: string): Promise<ConflictFinding> {
  const since = addMonths(today, -CONFLICT_LOOK_BACK_MONTHS);
  const theirs = await organisationsApi.organisationsOfUser(db, person.userId, since);
  if (person.seatOrganisationId) theirs.add(person.seatOrganisationId);
  const organisations = [...theirs];
  const sharedClusters = await clustersApi.clustersShared(db, organisations, applicantIds);
  if (applicantIds.some((id) => theirs.has(id))) return { conflict: ConflictOfInterest.SAME_ORGANISATION, sharedClusters };
  if ((await clustersApi.exchangedWithin(db, organisations, applicantIds, since, today)).size) return { conflict: ConflictOfInterest.TRADING_RELATIONSHIP, sharedClusters };
  return { conflict: declared ? ConflictOfInterest.DECLARED : null, sharedClusters };
}
