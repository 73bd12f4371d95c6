// Who may do what in community decisions, in one place. Processes, pitches, results, participation counts and (once
// declared) the votes as cast are public: decisions made in the community's name are the community's to see. The roll
// is never shown, only counted; a resident sees their own registration. Organisers are ADMIN and the owners and editors
// of the organisation running the process; organisations pitch through their owners and editors; residents signed in
// as themselves register and vote.
import { ApiScope, OrganisationRole } from "../../auth/roles";
import { hasOrganisationRole, isAdmin, Viewer } from "../../auth/viewer";

const actsFor = (v: Viewer, organisationId: string): boolean => hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR);

export const decisionAccess = {
  /** Everything public here: everyone; partner keys need read:public. */
  read: (v: Viewer): boolean => v.scopes === null || v.scopes.has(ApiScope.READ_PUBLIC),
  /** Set up, change, open and declare a process: ADMIN, or the organiser organisation's owners and editors. */
  organise: (v: Viewer, organiserOrganisationId: string): boolean => isAdmin(v) || actsFor(v, organiserOrganisationId),
  /** Pitch to a participatory budget for an organisation: ADMIN, or its owners and editors. */
  pitchFor: (v: Viewer, organisationId: string): boolean => isAdmin(v) || actsFor(v, organisationId),
  /** Register and vote: a person signed in as themselves (partner keys never vote). */
  vote: (v: Viewer): boolean => v.userId !== null && v.apiKeyId === null,
};
