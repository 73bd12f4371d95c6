// The relations of invitations: the organisation, through organisationsApi.
import { relationsOf } from "../../graphql/relations";
import { organisationsApi } from "../organisations/organisations.api";

export const invitationRelations = relationsOf("Invitation", {
  organisation: organisationsApi.asRelation({ column: "organisation_id", property: "organisationId" }),
});
