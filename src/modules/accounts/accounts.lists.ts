// The lists of accounts: people (for staff) and an organisation's invitations (for its owners), newest first.
import type { DataSource } from "typeorm";
import { ConnectionResult, FoldingRead, Ordering, PageArgs, paginate } from "../../graphql/connection";
import { User } from "../../auth/user.entity";
import { Invitation } from "./invitation.entity";
import type { UserFilter } from "./accounts.inputs";

const NEWEST_PEOPLE: Ordering = { name: "NEWEST", keys: ["u.created_at", "u.id"], direction: "DESC" };
const NEWEST_INVITATIONS: Ordering = { name: "NEWEST", keys: ["i.created_at", "i.id"], direction: "DESC" };

export function listUsers(db: DataSource, args: PageArgs, filter: UserFilter = {}, read?: FoldingRead): Promise<ConnectionResult<User>> {
  const qb = db.getRepository(User).createQueryBuilder("u").where("u.erased_at IS NULL");
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    // The trigram index answers "contains" on name and email together; LIKE's wildcards in the search are literal.
    qb.andWhere(`(lower(u.email) || ' ' || lower(u.display_name)) LIKE :search`, { search: `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` });
  }
  if (filter.roles?.length) qb.andWhere("u.roles && CAST(:roles AS text[])", { roles: filter.roles });
  if (filter.disabled === true) qb.andWhere("u.disabled_at IS NOT NULL");
  if (filter.disabled === false) qb.andWhere("u.disabled_at IS NULL");
  if (filter.emailVerified === true) qb.andWhere("u.email_verified_at IS NOT NULL");
  if (filter.emailVerified === false) qb.andWhere("u.email_verified_at IS NULL");
  return paginate(qb, NEWEST_PEOPLE, args, read);
}

export function listInvitations(db: DataSource, organisationId: string, args: PageArgs, read?: FoldingRead): Promise<ConnectionResult<Invitation>> {
  const qb = db.getRepository(Invitation).createQueryBuilder("i").where("i.organisation_id = :org", { org: organisationId });
  return paginate(qb, NEWEST_INVITATIONS, args, read);
}
