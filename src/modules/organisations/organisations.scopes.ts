// What partner API keys may use of the register: read it with read:organisations; with write:organisations register
// organisations and change those their partner created or was linked to (access.ts). People, contacts, members and
// assessments are never theirs: those fields answer null to every key.
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const organisationsScopes: KeyScopes = {
  Query: { organisations: ApiScope.READ_ORGANISATIONS, eligibilityThresholds: NO_KEY, eligibilityThresholdHistory: NO_KEY },
  Mutation: {
    createOrganisation: ApiScope.WRITE_ORGANISATIONS,
    updateOrganisation: ApiScope.WRITE_ORGANISATIONS,
    addOrganisationIdentifier: ApiScope.WRITE_ORGANISATIONS,
    removeOrganisationIdentifier: ApiScope.WRITE_ORGANISATIONS,
    archiveOrganisation: NO_KEY,
    recordStoAssessment: NO_KEY,
    setEligibilityThresholds: NO_KEY,
    inviteOrganisationMember: NO_KEY,
    removeOrganisationMember: NO_KEY,
    addOrganisationContact: NO_KEY,
    updateOrganisationContact: NO_KEY,
    removeOrganisationContact: NO_KEY,
  },
};
