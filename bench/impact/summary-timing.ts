// Times impactSummary over the whole region at scale (npm run seed -- --scale 10000 first): median and max of 3 runs per query.
import "reflect-metadata";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { allModules, openDatabase } from "../../src/app";
import { installContributions } from "../../src/kit/extension-point";
import { impactSummary } from "../../src/modules/impact/summary";
import { Role } from "../../src/auth/roles";
(async () => {
  installContributions(allModules);
  const { db } = await openDatabase(loadConfig(), createLogger("error"));
  const [lcr] = await db.query("SELECT id FROM place WHERE code = 'E47000004'");
  const [{ n }] = await db.query("SELECT count(*)::int n FROM impact_measurement");
  const v = (r: Role) => ({ userId: null, apiKeyId: null, roles: new Set([r]), memberships: new Map(), scopes: null });
  for (const [label, viewer, groupBy] of [["ADMIN PLACE,YEAR", v(Role.ADMIN), ["PLACE", "YEAR"]], ["ANALYST PLACE,YEAR", v(Role.ANALYST), ["PLACE", "YEAR"]], ["ANALYST THEME", v(Role.ANALYST), ["THEME"]]] as const) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) { const t = Date.now(); await impactSummary(db, viewer as never, { placeIds: [lcr.id], from: "2021-01-01", to: "2025-12-31" }, [...groupBy]); times.push(Date.now() - t); }
    times.sort((a, b) => a - b);
    console.log(`${label}: measurements=${n} median=${times[1]}ms max of 3=${times[2]}ms min=${times[0]}`);
  }
  await db.destroy();
})();
