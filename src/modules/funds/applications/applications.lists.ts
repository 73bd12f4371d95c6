// The applications list: keyset-paged, filtered, and limited to what the viewer may see.
import type { DataSource } from "typeorm";
import type { Viewer } from "../../../auth/viewer";
import { ConnectionResult, PageArgs, paginate } from "../../../graphql/connection";
import { applicationAccess, roundsOnPanelsOf } from "../access";
import { applyFilter } from "../funds.filters";
import { FundingApplication } from "./application.entity";
import { ApplicationFilter } from "./applications.inputs";

export async function listApplications(db: DataSource, viewer: Viewer, args: PageArgs, filter: ApplicationFilter): Promise<ConnectionResult<FundingApplication>> {
  const qb = db.getRepository(FundingApplication).createQueryBuilder("p");
  const scope = applicationAccess.where(viewer, "p", await roundsOnPanelsOf(db, viewer.userId));
  if (scope) qb.andWhere(scope.condition, scope.params);
  await applyFilter(db, qb, "p", filter, "applications");
  return paginate(qb, { name: "UPDATED_AT", keys: ["p.updated_at", "p.id"], direction: "ASC" }, args);
}
