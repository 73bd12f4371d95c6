// Per-request loaders of impact by ID (node(id:), a summary's measures); relations are in impact.relations.ts.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey } from "../../graphql/loaders";
import { ImpactMeasurement } from "./measurement.entity";
import { ImpactMetric } from "./metric.entity";

declare module "../../graphql/context" {
  interface Loaders {
    impactMetricById: DataLoader<string, ImpactMetric | null>;
    impactMeasurementById: DataLoader<string, ImpactMeasurement | null>;
  }
}

export function impactLoaders(db: DataSource) {
  return { impactMetricById: loaderByKey(db, ImpactMetric), impactMeasurementById: loaderByKey(db, ImpactMeasurement) };
}
