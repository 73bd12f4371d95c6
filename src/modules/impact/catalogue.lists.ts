// The catalogue's read side: every measure by code, optionally of some themes.
import type { DataSource } from "typeorm";
import { ImpactTheme } from "./impact.enums";
import { ImpactMetric } from "./metric.entity";

export function listMetrics(db: DataSource, themes: ImpactTheme[] | null): Promise<ImpactMetric[]> {
  const qb = db.getRepository(ImpactMetric).createQueryBuilder("x").orderBy("x.code");
  if (themes?.length) qb.where("x.theme = ANY(:themes)", { themes });
  return qb.getMany();
}
