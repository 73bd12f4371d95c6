// Per-request loaders for users and memberships.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderOfMany } from "../graphql/loaders";
import { User } from "./user.entity";
import { Membership } from "./membership.entity";
import { ApiKey } from "./api-key.entity";

declare module "../graphql/context" {
  interface Loaders {
    userById: DataLoader<string, User | null>;
    apiKeyById: DataLoader<string, ApiKey | null>;
    membershipsByUser: DataLoader<string, Membership[]>;
    membershipsByOrganisation: DataLoader<string, Membership[]>;
  }
}

export function authLoaders(db: DataSource) {
  return {
    userById: loaderByKey(db, User),
    apiKeyById: loaderByKey(db, ApiKey),
    membershipsByUser: loaderOfMany(db, Membership, "user_id", (m) => m.userId, "t.created_at"),
    membershipsByOrganisation: loaderOfMany(db, Membership, "organisation_id", (m) => m.organisationId, "t.created_at"),
  };
}
