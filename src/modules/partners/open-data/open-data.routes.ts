// GET /open-data/360giving.json and .csv: public, no key needed; built from published awards on each request.
import type { HttpRoute } from "../../../kith-module";
import { threeSixtyGivingPackage } from "./three-sixty-giving";
import { toCsv } from "./csv";

const CACHE = { "cache-control": "public, max-age=300" };

export const openDataRoutes: HttpRoute[] = [
  {
    path: "/open-data/360giving.json",
    async get(app) {
      const pkg = await threeSixtyGivingPackage(app.db, app.config.openData);
      return { contentType: "application/json; charset=utf-8", body: JSON.stringify(pkg), headers: CACHE };
    },
  },
  {
    path: "/open-data/360giving.csv",
    async get(app) {
      const pkg = await threeSixtyGivingPackage(app.db, app.config.openData);
      return { contentType: "text/csv; charset=utf-8", body: toCsv(pkg.grants as Record<string, unknown>[]), headers: CACHE };
    },
  },
];
