// Introspection over HTTP follows the configuration: refused in production unless KITH_INTROSPECTION=true.
import { startTestApp, TestApp, withoutCost } from "../support/test-app";

const SECRET = "production-secret-for-the-introspection-test-0123";
const INTROSPECT = "{ __schema { queryType { name } } }";

describe("in production", () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET }); });
  afterAll(async () => { await app.close(); });

  test("startTestApp passes its environment to loadConfig", () => {
    expect(app.kith.services.config).toMatchObject({ nodeEnv: "production", tokenSecret: SECRET, introspection: false });
  });

  test.each([INTROSPECT, '{ __type(name: "Place") { fields { name } } }'])("%s is refused", async (query) => {
    const res = await app.post(query);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.json.errors[0].message).toMatch(/introspection/i);
    expect(res.json.data).toBeUndefined();
  });

  test("__typename still works", async () => {
    expect(withoutCost((await app.post("{ __typename }")).json)).toEqual({ data: { __typename: "Query" } });
  });
});

test("production with KITH_INTROSPECTION=true allows it", async () => {
  const app = await startTestApp({ NODE_ENV: "production", KITH_TOKEN_SECRET: SECRET, KITH_INTROSPECTION: "true" });
  try {
    expect(withoutCost((await app.post(INTROSPECT)).json)).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  } finally {
    await app.close();
  }
});

test("outside production introspection is allowed", async () => {
  const app = await startTestApp();
  try {
    expect(withoutCost((await app.post(INTROSPECT)).json)).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  } finally {
    await app.close();
  }
});
