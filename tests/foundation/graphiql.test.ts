// The GraphQL IDE at GET /graphiql: served whole from kith's own origin (works offline, reaches no other host), with
// the sign-in explained on the page; on in development, off in production unless configured.
import { startTestApp, TestApp } from "../support/test-app";
import { GRAPHIQL_CSP } from "../../src/graphql/ide/graphiql.routes";

const DEVELOPMENT = { NODE_ENV: "development", KITH_DATA_DIR: "/tmp/kith-test-unused" };

describe("in development", () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp(DEVELOPMENT); });
  afterAll(async () => { await app.close(); });

  test("GET /graphiql is the IDE, loading only this origin's files, and says how to sign in with the demo accounts", async () => {
    const page = await app.http("/graphiql");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toBe(GRAPHIQL_CSP);
    // No absolute URL at all: every script and stylesheet is a path on this server.
    expect(page.text).not.toMatch(/https?:\/\//i);
    expect(page.text).not.toMatch(/src="\/\/|href="\/\//);
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.text).toContain("signIn");
    expect(page.text).toContain("admin@demo.kith.test");
    expect(page.text).toContain("kith-demo-password");

    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(["/graphiql/graphiql.min.js", "/graphiql/graphiql.min.css",
      "/graphiql/react.production.min.js", "/graphiql/react-dom.production.min.js", "/graphiql/start.js"]));
    for (const path of assets) {
      const res = await app.http(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get("content-type")).toMatch(path.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      expect(res.text).not.toMatch(/sourceMappingURL/);
      // Stylesheets load nothing from elsewhere (GraphiQL's fonts are data: URLs).
      if (path.endsWith(".css")) expect(res.text).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    }
    expect((await app.http("/graphiql/graphiql.min.js")).text.length).toBeGreaterThan(1_000_000);
    expect((await app.http("/graphiql/start.js")).text).toContain('window.location.origin + "/graphql"');
  });

  test("the page's policy lets it load and call this origin only", () => {
    const directives = GRAPHIQL_CSP.split("; ");
    expect(directives).toEqual(expect.arrayContaining(["default-src 'none'", "script-src 'self'", "connect-src 'self'"]));
    for (const d of directives) expect(d.split(" ").slice(1).every((s) => ["'self'", "'none'", "'unsafe-inline'", "data:"].includes(s))).toBe(true);
  });

  test("the IDE's own queries work: the sign-in it suggests and introspection", async () => {
    const page = await app.http("/graphiql");
    expect(page.text).toContain("mutation SignIn");
    const schema = await app.post("{ __schema { queryType { name } } }");
    expect(schema.json.data.__schema.queryType.name).toBe("Query");
  });
});

describe("off", () => {
  test.each([
    ["in production", { NODE_ENV: "production" }],
    ["when KITH_GRAPHIQL=false", { ...DEVELOPMENT, KITH_GRAPHIQL: "false" }],
    ["in tests unless asked", {}],
  ])("%s there is no IDE", async (_, env) => {
    const app = await startTestApp(env);
    try {
      for (const path of ["/graphiql", "/graphiql/graphiql.min.js", "/graphiql/start.js"]) expect((await app.http(path)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  test("in production when configured, the IDE is served without the demo sign-ins", async () => {
    const app = await startTestApp({ NODE_ENV: "production", KITH_GRAPHIQL: "true", KITH_INTROSPECTION: "true" });
    try {
      const page = await app.http("/graphiql");
      expect(page.status).toBe(200);
      expect(page.text).toContain("signIn");
      expect(page.text).not.toContain("demo.kith.test");
    } finally {
      await app.close();
    }
  });
});
