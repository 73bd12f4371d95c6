// The agreements list (partners sync on it), keyset-paged, filtered and limited to what the viewer may see; and
// agreements nested under many funds or organisations in one statement.
import type { DataSource } from "typeorm";
import type { Viewer } from "../../../auth/viewer";
import { ConnectionResult, OrderDirection, Ordering, PageArgs, paginate, paginateByParent } from "../../../graphql/connection";
import { rowsToEntities } from "../../../graphql/loaders";
import { agreementAccess } from "../access";
import { applyFilter } from "../funds.filters";
import { Agreement } from "./agreement.entity";
import { AgreementFilter, AgreementOrder, AgreementOrderField } from "./agreements.inputs";

const NEWEST_AWARD_FIRST: Ordering = { name: "AWARDED_ON", keys: ["awarded_on", "id"], direction: "DESC" };

export async function listAgreements(db: DataSource, viewer: Viewer, args: PageArgs, filter: AgreementFilter, order?: AgreementOrder | null): Promise<ConnectionResult<Agreement>> {
  const qb = db.getRepository(Agreement).createQueryBuilder("a");
  const scope = agreementAccess.scope(viewer);
  if (scope) qb.andWhere(agreementAccess.where("a", ":scope"), { scope });
  await applyFilter(db, qb, "a", filter);
  const field = order?.field ?? AgreementOrderField.UPDATED_AT;
  const ordering: Ordering = {
    name: field,
    keys: field === AgreementOrderField.UPDATED_AT ? ["a.updated_at", "a.id"] : ["a.awarded_on", "a.id"],
    direction: order?.direction ?? OrderDirection.ASC,
  };
  return paginate(qb, ordering, args);
}

/** Page arguments of a nested agreements list, with the organisations the viewer may see (null for all). */
export interface ScopedPageArgs extends PageArgs {
  scope: string[] | null;
}

/** Newest awards first under each of many funds or organisations, limited to the viewer's scope, in one statement. */
export function agreementPages(db: DataSource, parent: "fund_id" | "organisation_id") {
  const toAgreement = rowsToEntities(db, Agreement);
  return (parentKeys: readonly string[], { scope, ...args }: ScopedPageArgs): Promise<ConnectionResult<Agreement>[]> => paginateByParent({
    db,
    from: `SELECT a.*, a.${parent} AS __parent FROM agreement a${scope ? ` WHERE ${agreementAccess.where("a", "$1")}` : ""}`,
    params: scope ? [scope] : [],
    ordering: NEWEST_AWARD_FIRST,
    map: toAgreement,
  }, parentKeys, args);
}
