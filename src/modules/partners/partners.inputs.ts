// GraphQL inputs of partners: registering one, issuing and rotating its keys, linking organisations to it.
import { InputType } from "type-graphql";
import { IdField, ListField, TextField } from "../../graphql/input-fields";
import { ApiScope } from "../../auth/roles";

@InputType()
export class CreatePartnerInput {
  @TextField({ max: 200 }) name: string;
}

@InputType()
export class CreatePartnerKeyInput {
  @IdField("Partner") partnerId: string;
  @TextField({ max: 200, description: "What the key is for, e.g. the partner's CRM sync." }) name: string;
  @ListField(() => ApiScope, { max: 20 }) scopes: ApiScope[];
}

@InputType({ description: "Issues the key's successor (same partner, name and scopes). Revoke the old key with revokeApiKey once the partner uses the new one." })
export class RotatePartnerKeyInput {
  @IdField("ApiKey") apiKeyId: string;
}

@InputType({ description: "The organisation's owner (or ADMIN) lets a partner's keys change it, or stops them." })
export class OrganisationPartnerInput {
  @IdField("Organisation") organisationId: string;
  @IdField("Partner") partnerId: string;
}
