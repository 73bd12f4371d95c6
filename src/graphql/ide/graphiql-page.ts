// The GraphiQL page: static HTML that loads only kith's own files (no inline script, so the CSP can forbid it), with
// how to sign in written where a first-time visitor looks, and the same help in the editor's first tab.
import type { Config } from "../../config";
import { DEMO_PARTNER_KEY, DEMO_PASSWORD, DEMO_USERS as USERS } from "../../demo/demo-accounts";

/** Shown only where the demo data may exist (never in production). */
const DEMO_USERS = Object.values(USERS).map((u) => u.email);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The editor's first tab: a sign-in to run, then a query that shows who the server thinks you are. */
export function defaultQuery(config: Pick<Config, "loadDemo">): string {
  const email = config.loadDemo ? DEMO_USERS[0] : "you@example.org";
  const password = config.loadDemo ? DEMO_PASSWORD : "your password";
  return [
    "# kith's GraphQL IDE. Everything on this page comes from this server; it talks to nothing else.",
    "#",
    "# Signed out you read public data. To sign in:",
    "#   1. run SignIn below (the play button, then choose SignIn) and copy the token it returns;",
    '#   2. open Headers (bottom panel) and enter {"Authorization": "Bearer <the token>"};',
    "#   3. run Me: it shows who you are. Tokens last 12 hours; a partner key (kith_...) goes in the same header.",
    ...(config.loadDemo
      ? ["#", `# Demo sign-ins (demo data only), password ${DEMO_PASSWORD}:`, `#   ${DEMO_USERS.join(", ")}`,
        `# Demo partner key (every read scope): ${DEMO_PARTNER_KEY}`]
      : []),
    "",
    "mutation SignIn {",
    `  signIn(input: {email: "${email}", password: "${password}"}) {`,
    "    token",
    "    userErrors { code message }",
    "  }",
    "}",
    "",
    "query Me {",
    "  viewer { id email roles }",
    "}",
    "",
  ].join("\n");
}

export function graphiqlPage(config: Pick<Config, "loadDemo">): string {
  const demo = config.loadDemo
    ? `Demo sign-ins: <code>${DEMO_USERS.join("</code>, <code>")}</code>, password <code>${DEMO_PASSWORD}</code> (README, "Demo sign-ins").`
    : "";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>kith GraphQL IDE</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<link rel="stylesheet" href="/graphiql/page.css">
</head>
<body>
<header id="sign-in-help">
<strong>kith GraphQL IDE</strong>: to sign in, run the <code>signIn</code> mutation in the first tab, then put
<code>{"Authorization": "Bearer &lt;token&gt;"}</code> in Headers. ${demo}
</header>
<div id="graphiql" data-default-query="${escapeHtml(defaultQuery(config))}">Loading the IDE…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>
`;
}

export const PAGE_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
#sign-in-help { padding: 6px 12px; font-size: 14px; border-bottom: 1px solid #ddd; background: #f7f7f9; }
#graphiql { flex: 1; min-height: 0; }
`;

/** Mounts GraphiQL against this origin's /graphql; headers a person types stay in their browser's storage. */
export const START_JS = `(function () {
  var root = document.getElementById("graphiql");
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + "/graphql" });
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: root.getAttribute("data-default-query"),
    shouldPersistHeaders: true,
  }));
})();
`;
