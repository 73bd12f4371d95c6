// The benchmark harness's own rules: statements (and bytes back) are counted from the wire by kind, kith IDs
// decode to their keys, and a difference between two answers is reported with its path.
import { Client } from "pg";
import { CountedListener, throughProxy } from "../../bench/pg-proxy";
import { differences } from "../../bench/compare";
import { rawId } from "../../bench/workloads";
import { startEmbeddedDatabase, EmbeddedDatabase } from "../../src/db/embedded";
import { toGlobalId } from "../../src/graphql/ids";

describe("the statement-counting proxy", () => {
  let embedded: EmbeddedDatabase | undefined;
  let url: string;
  let listener: CountedListener;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) url = process.env.DATABASE_URL;
    else {
      embedded = await startEmbeddedDatabase();
      url = embedded.url;
    }
    const target = new URL(url);
    listener = new CountedListener({ host: target.hostname, port: Number(target.port || 5432) }, { auth: [/\bFROM app_user\b/] });
    await listener.listen();
  });

  afterAll(async () => {
    await listener.close();
    await embedded?.stop();
  });

  test("counts simple queries, extended-protocol executes and named statements once each, by kind", async () => {
    const client = new Client({ connectionString: throughProxy(url, listener) });
    await client.connect();
    try {
      const before = listener.snapshot();
      await client.query("BEGIN");
      await client.query("SELECT 1");
      await client.query("SELECT $1::int AS n", [2]);
      await client.query({ name: "twice", text: "SELECT $1::int AS n", values: [3] });
      await client.query({ name: "twice", text: "SELECT $1::int AS n", values: [4] });
      // Classified by its text, as kith's viewer lookup is in the bench.
      await client.query("WITH app_user AS (SELECT 1 AS id) SELECT id FROM app_user");
      await client.query("COMMIT");
      const after = listener.snapshot();
      expect(after.data - before.data).toBe(4);
      expect(after.auth - before.auth).toBe(1);
      expect(after.transaction - before.transaction).toBe(2);
      expect(after.bytes).toBeGreaterThan(before.bytes);
    } finally {
      await client.end();
    }
  });

  test("a statement larger than one network read is still one statement", async () => {
    const client = new Client({ connectionString: throughProxy(url, listener) });
    await client.connect();
    try {
      const before = listener.snapshot();
      const { rows } = await client.query(`SELECT length('${"x".repeat(300_000)}') AS n`);
      expect(rows[0].n).toBe(300_000);
      expect(listener.snapshot().data - before.data).toBe(1);
    } finally {
      await client.end();
    }
  });
});

describe("answer comparison", () => {
  test("kith's global IDs decode to their keys, and only for the expected type", () => {
    const key = "0f01f5fd-7f6c-46df-b62a-44be128176a8";
    expect(rawId(toGlobalId("Organisation", key), "Organisation")).toBe(key);
    expect(() => rawId(toGlobalId("Place", key), "Organisation")).toThrow(/expected a Organisation ID/);
  });

  test("differences name the path and both values; equal answers have none", () => {
    const kith = { rows: [{ id: "a", pence: 100 }, { id: "b", pence: 200 }] };
    expect(differences(kith, structuredClone(kith))).toEqual([]);
    expect(differences(kith, { rows: [{ id: "a", pence: 100 }, { id: "b", pence: 201 }] })).toEqual(["$.rows[1].pence: kith 200 / postgraphile 201"]);
    expect(differences(kith, { rows: [{ id: "a", pence: 100 }] })[0]).toBe("$.rows: kith has 2 items, postgraphile 1");
  });
});
