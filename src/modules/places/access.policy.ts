// Who may read places (see graphql/access-policy.ts): reference geography, public to everyone.
import { AccessPolicy, anyone } from "../../graphql/access-policy";

export const placesPolicy: AccessPolicy = {
  Place: { see: anyone, fields: "id name code kind parent children" },
  Query: { extends: true, fields: "places" },
};
