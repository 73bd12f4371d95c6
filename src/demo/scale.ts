// The scale generator: each module adds its share of N generated records, in module order, in one transaction.
import type { DataSource } from "typeorm";
import type { KithModule } from "../kith-module";

/** One module's part of a scale run, for progress lines. */
export interface ScaleStep {
  module: string;
  made: number;
  ms: number;
}

/** Adds `scale` generated organisations and each module's share, reproducibly from `seed`, then refreshes statistics. */
export async function seedScale(
  db: DataSource, modules: KithModule[], scale: number, seed: number, onStep: (step: ScaleStep) => void = () => {},
): Promise<void> {
  await db.transaction(async (m) => {
    for (const module of modules) {
      if (!module.scale) continue;
      const t = Date.now();
      const made = await module.scale(m, scale, seed);
      onStep({ module: module.name, made, ms: Date.now() - t });
    }
  });
  // Fresh statistics, so the planner knows how the new rows are spread before the first query.
  await db.query("ANALYZE");
}
