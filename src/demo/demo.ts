// Loads the demo data set into an empty database: each module adds its part, in module order, in one transaction.
import type { DataSource } from "typeorm";
import type { KithModule } from "../kith-module";
import type { Logger } from "../log";

export async function isEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query("SELECT NOT EXISTS (SELECT 1 FROM app_user) AS empty");
  return row.empty === true;
}

export async function loadDemoData(db: DataSource, modules: KithModule[], log: Logger): Promise<void> {
  await db.transaction(async (manager) => {
    for (const m of modules) {
      if (!m.demo) continue;
      const started = Date.now();
      await m.demo({ db, manager, log });
      log.info({ module: m.name, ms: Date.now() - started }, "demo data loaded");
    }
  });
}

export async function loadDemoDataIfEmpty(db: DataSource, modules: KithModule[], log: Logger): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await loadDemoData(db, modules, log);
  return true;
}
