// Prints impactSummary's statement for the whole region by PLACE and YEAR with its values inlined, for EXPLAIN.
import "reflect-metadata";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { allModules, openDatabase } from "../../src/app";
import { installContributions } from "../../src/kit/extension-point";
import { summarySql } from "../../src/modules/impact/summary.sql";
(async () => {
  installContributions(allModules);
  const { db } = await openDatabase(loadConfig(), createLogger("error"));
  const [lcr] = await db.query("SELECT id FROM place WHERE code = 'E47000004'");
  const suppress = process.argv.includes("--suppress");
  const { text, values } = summarySql(db, { placeIds: [lcr.id], metricCodes: null, themes: null, from: "2021-01-01", to: "2025-12-31",
    selections: [], groupBy: ["PLACE", "YEAR"], sets: new Map(), suppress }).toQuery();
  const lit = (v: unknown) => (Array.isArray(v) ? `ARRAY[${v.map((x) => `'${x}'`).join(",")}]` : `'${v}'`);
  console.log(text.replace(/\$(\d+)/g, (_, n) => lit(values[Number(n) - 1])) + ";");
  await db.destroy();
})();
