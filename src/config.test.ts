// loadConfig: every variable validated with a message that names it; secrets required or kept; production defaults.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig } from "./config";

const SECRET = "s".repeat(32);
let dataDir: string;
beforeEach(() => { dataDir = mkdtempSync(join(tmpdir(), "kith-config-")); });
afterEach(() => { rmSync(dataDir, { recursive: true, force: true }); });

const load = (env: Record<string, string>) => loadConfig({ KITH_DATA_DIR: dataDir, ...env });
const problemOf = (env: Record<string, string>): string => {
  try {
    load(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected the configuration to be refused");
};

describe("the token secret", () => {
  test("production without KITH_TOKEN_SECRET is refused with a message saying what is needed", () => {
    expect(problemOf({ NODE_ENV: "production" })).toMatch(/KITH_TOKEN_SECRET is required in production \(at least 32/);
  });

  test("a secret shorter than 32 characters is refused in every environment, without echoing it", () => {
    for (const NODE_ENV of ["production", "development", "test"]) {
      const message = problemOf({ NODE_ENV, KITH_TOKEN_SECRET: "short-s3cret" });
      expect(message).toMatch(/KITH_TOKEN_SECRET must be at least 32 characters/);
      expect(message).not.toContain("short-s3cret");
    }
  });

  test("a given secret is used as it is and nothing is written to the data dir", () => {
    expect(load({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET }).tokenSecret).toBe(SECRET);
    expect(() => statSync(join(dataDir, "token-secret"))).toThrow();
  });

  test("development generates a secret once, keeps it in the data dir readable only by us, and reuses it", () => {
    const first = load({ NODE_ENV: "development" }).tokenSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, "token-secret");
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(load({ NODE_ENV: "development" }).tokenSecret).toBe(first);
    const elsewhere = mkdtempSync(join(tmpdir(), "kith-config-"));
    try {
      expect(loadConfig({ NODE_ENV: "development", KITH_DATA_DIR: elsewhere }).tokenSecret).not.toBe(first);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("values out of range are refused, naming the variable", () => {
  test.each(["80a", "70000", "-1", "4000.5"])("PORT=%s", (PORT) => {
    expect(problemOf({ PORT })).toMatch(/PORT must be a whole number from 0 to 65535/);
  });

  test.each([
    [{ NODE_ENV: "staging" }, /NODE_ENV must be development, test or production/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ KITH_DEMO: "maybe" }, /KITH_DEMO must be true or false/],
    [{ KITH_INTROSPECTION: "sometimes" }, /KITH_INTROSPECTION must be true or false/],
    [{ KITH_MAX_BODY_BYTES: "10" }, /KITH_MAX_BODY_BYTES must be a whole number from 1024/],
    [{ KITH_STATEMENT_TIMEOUT_MS: "0" }, /KITH_STATEMENT_TIMEOUT_MS must be a whole number from 100/],
  ])("%j", (env, message) => {
    expect(problemOf(env)).toMatch(message);
  });

  test("a DATABASE_URL that is not PostgreSQL is refused without echoing its password", () => {
    const message = problemOf({ DATABASE_URL: "mysql://kith:hunter2@db.example/kith" });
    expect(message).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect(message).not.toContain("hunter2");
  });

  test("every problem is reported at once", () => {
    const message = problemOf({ NODE_ENV: "production", PORT: "x", KITH_DEMO: "maybe" });
    expect(message.split("\n  - ").slice(1).map((l) => l.split(" ")[0]).sort()).toEqual(["KITH_DEMO", "KITH_TOKEN_SECRET", "PORT"]);
  });
});

describe("defaults", () => {
  test("introspection is off in production unless KITH_INTROSPECTION=true", () => {
    expect(load({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET }).introspection).toBe(false);
    expect(load({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET, KITH_INTROSPECTION: "true" }).introspection).toBe(true);
  });

  test("introspection is on outside production unless turned off", () => {
    expect(load({ NODE_ENV: "development" }).introspection).toBe(true);
    expect(load({ NODE_ENV: "test" }).introspection).toBe(true);
    expect(load({ NODE_ENV: "development", KITH_INTROSPECTION: "false" }).introspection).toBe(false);
  });

  test("the GraphQL IDE is on in development, off in production and tests unless KITH_GRAPHIQL=true, and needs introspection", () => {
    expect(load({ NODE_ENV: "development" }).graphiql).toBe(true);
    expect(load({ NODE_ENV: "development", KITH_GRAPHIQL: "false" }).graphiql).toBe(false);
    expect(load({ NODE_ENV: "development", KITH_INTROSPECTION: "false" }).graphiql).toBe(false);
    expect(load({ NODE_ENV: "test" }).graphiql).toBe(false);
    expect(load({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET }).graphiql).toBe(false);
    expect(load({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET, KITH_GRAPHIQL: "true", KITH_INTROSPECTION: "true" }).graphiql).toBe(true);
    expect(problemOf({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET, KITH_GRAPHIQL: "true" })).toMatch(/KITH_GRAPHIQL needs introspection/);
  });

  test("production never loads the demo data, even when asked", () => {
    expect(load({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET, KITH_DEMO: "true" }).loadDemo).toBe(false);
    expect(load({ NODE_ENV: "development" }).loadDemo).toBe(true);
    expect(load({ NODE_ENV: "development", KITH_DEMO: "false" }).loadDemo).toBe(false);
  });

  test("an empty environment is development on port 4000 with a 256 KiB body limit", () => {
    expect(load({})).toMatchObject({ nodeEnv: "development", port: 4000, maxBodyBytes: 262144, databaseUrl: undefined, dataDir });
  });
});
