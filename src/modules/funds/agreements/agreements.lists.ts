// The agreements list (partners sync on it), keyset-paged, filtered and limited to what the viewer may see; agreements
// nested under funds and organisations are relations (funds.relations.ts).
import type { DataSource } from "typeorm";
import type { Viewer } from "../../../auth/viewer";
import { ConnectionResult, FoldingRead, OrderDirection, Ordering, PageArgs, paginate } from "../../../graphql/connection";
import { agreementAccess } from "../access";
import { applyFilter } from "../funds.filters";
import { Agreement } from "./agreement.entity";
import { AgreementFilter, AgreementOrder, AgreementOrderField } from "./agreements.inputs";


export async function listAgreements(
  db: DataSource, viewer: Viewer, args: PageArgs, filter: AgreementFilter, order?: AgreementOrder | null, read?: FoldingRead,
): Promise<ConnectionResult<Agreement>> {
  const qb = db.getRepository(Agreement).createQueryBuilder("a");
  const scope = agreementAccess.scope(viewer);
  if (scope) qb.andWhere(agreementAccess.where("a", ":scope"), { scope });
  await applyFilter(db, qb, "a", filter, "agreements");
  const field = order?.field ?? AgreementOrderField.UPDATED_AT;
  const ordering: Ordering = {
    name: field,
    keys: field === AgreementOrderField.UPDATED_AT ? ["a.updated_at", "a.id"] : ["a.awarded_on", "a.id"],
    direction: order?.direction ?? OrderDirection.ASC,
  };
  return paginate(qb, ordering, args, read);
}
