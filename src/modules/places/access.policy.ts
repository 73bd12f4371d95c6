// Who may read places (see graphql/access-policy.ts): reference geography, public to everyone.
import { AccessPolicy, anyone, peopleOr } from "../../graphql/access-policy";

export const placesPolicy: AccessPolicy = {
  Place: { see: anyone, fields: "id name code kind parent children demo" },
  // Partner keys need read:public (places.scopes.ts).
  Query: { extends: true, restricted: { places: peopleOr("read:public") } },
};
