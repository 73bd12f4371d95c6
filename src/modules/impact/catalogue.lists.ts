// The catalogue's read side: measures by code, keyset pages, optionally of some themes (the code is unique, so the
// code alone orders it; the id rides along as every cursor's last key).
import type { DataSource } from "typeorm";
import { ConnectionResult, FoldingRead, PageArgs, paginate } from "../../graphql/connection";
import { ImpactTheme } from "./impact.enums";
import { ImpactMetric } from "./metric.entity";

export function listMetrics(db: DataSource, args: PageArgs, themes: ImpactTheme[] | null, read?: FoldingRead): Promise<ConnectionResult<ImpactMetric>> {
  const qb = db.getRepository(ImpactMetric).createQueryBuilder("x");
  if (themes?.length) qb.where("x.theme = ANY(:themes)", { themes });
  return paginate(qb, { name: "code", keys: ["x.code", "x.id"], direction: "ASC" }, args, read);
}
