// GET /graphiql: the GraphQL IDE, served whole from kith's own origin (GraphiQL and React from node_modules, pinned in
// package.json), so it works without internet. Its Content-Security-Policy lets the page load and call only this
// origin, so nothing it does can reach another host. Installed only when config.graphiql is on (config.ts).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { HttpRoute } from "../../kith-module";
import { graphiqlPage, PAGE_CSS, START_JS } from "./graphiql-page";

/**
 * 'self' only; GraphiQL sets style attributes at run time and its fonts are data: URLs. No eval, no inline script,
 * no frames, no form posts elsewhere.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "font-src 'self' data:",
  "img-src 'self' data:", "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join("; ");

const SECURITY = { "content-security-policy": GRAPHIQL_CSP, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };
/** The bundles change only with package.json; a day's caching spares reloads without pinning a stale copy for long. */
const ASSET = { ...SECURITY, "cache-control": "public, max-age=86400" };
const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

/** A file of an installed package, read once on first request (megabytes: not loaded by processes that never serve it). */
function packageFile(pkg: string, file: string): () => string {
  let text: string | undefined;
  // Through package.json: React's "exports" does not list its UMD files, though the package ships them.
  const path = () => join(dirname(require.resolve(`${pkg}/package.json`)), file);
  return () => (text ??= readFileSync(path(), "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$|\/\*# sourceMappingURL=\S+ ?\*\/\s*$/, "\n"));
}

function asset(path: string, contentType: string, read: () => string): HttpRoute {
  return { path, get: async () => ({ contentType, body: read(), headers: ASSET }) };
}

export const graphiqlRoutes: HttpRoute[] = [
  {
    path: "/graphiql",
    get: async (app) => ({ contentType: "text/html; charset=utf-8", body: graphiqlPage(app.config), headers: { ...SECURITY, "cache-control": "no-cache" } }),
  },
  asset("/graphiql/graphiql.min.js", JS, packageFile("graphiql", "graphiql.min.js")),
  asset("/graphiql/graphiql.min.css", CSS, packageFile("graphiql", "graphiql.min.css")),
  asset("/graphiql/react.production.min.js", JS, packageFile("react", "umd/react.production.min.js")),
  asset("/graphiql/react-dom.production.min.js", JS, packageFile("react-dom", "umd/react-dom.production.min.js")),
  asset("/graphiql/start.js", JS, () => START_JS),
  asset("/graphiql/page.css", CSS, () => PAGE_CSS),
];
