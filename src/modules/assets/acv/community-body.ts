// Who may nominate an Asset of Community Value or bid for one: a community body of a form the 2012 Regulations name
// (regulations 5 and 12), read from the register's record of the organisation.
import { LegalForm } from "../../organisations/organisation.enums";
import type { Organisation } from "../../organisations/organisation.entity";

/** An unincorporated body needs at least this many members (individuals on the electoral roll, in the regulations). */
export const UNINCORPORATED_MEMBERS = 21;

/** Forms that qualify as they are: community interest companies, charities, non-distributing companies and societies. */
const QUALIFYING_FORMS = new Set<LegalForm>([
  LegalForm.CIC_LIMITED_BY_GUARANTEE, LegalForm.CIC_LIMITED_BY_SHARES, LegalForm.CIO, LegalForm.CHARITABLE_COMPANY,
  LegalForm.COMPANY_LIMITED_BY_GUARANTEE, LegalForm.COMMUNITY_BENEFIT_SOCIETY,
]);

/**
 * Why the organisation is not an eligible community body, or null when it is. A co-operative society qualifies only
 * when it does not distribute its surplus (its rules lock its assets); an unincorporated association needs 21 members.
 * Local connection is for the council to judge when it decides: the register does not know neighbouring areas.
 */
export function communityBodyProblem(o: Pick<Organisation, "legalForm" | "assetLockDeclared" | "membershipSize" | "archivedAt">): string | null {
  if (o.archivedAt) return "That organisation is archived.";
  if (QUALIFYING_FORMS.has(o.legalForm)) return null;
  if (o.legalForm === LegalForm.CO_OPERATIVE_SOCIETY) {
    return o.assetLockDeclared
      ? null : "A co-operative society is a community body only when it does not distribute its surplus to members (declare its asset lock).";
  }
  if (o.legalForm === LegalForm.UNINCORPORATED_ASSOCIATION) {
    return (o.membershipSize ?? 0) >= UNINCORPORATED_MEMBERS
      ? null : `An unincorporated association is a community body only with at least ${UNINCORPORATED_MEMBERS} members.`;
  }
  return "Companies limited by shares, partnerships and sole traders are not community bodies: they may distribute their surplus.";
}
