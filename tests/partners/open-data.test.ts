// The 360Giving export over HTTP on the demo data: the JSON validates against the standard's own schema (a copy in
// tests/fixtures/360giving), every published demo award is in it once with its money, and the CSV carries the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_PARTNER_KEY, DEMO_USERS } from "../../src/demo/demo-accounts";
import { CSV_COLUMNS } from "../../src/modules/partners/open-data/csv";

/** A schema of the standard; its `$schema` says http:// for the 2020-12 meta-schema Ajv knows as https://, so it is dropped. */
function fixture(name: string) {
  const { $schema: _meta, ...schema } = JSON.parse(readFileSync(join(__dirname, "../fixtures/360giving", name), "utf8"));
  return schema;
}

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const pkg = fixture("360-giving-package-schema.json");
  // The package schema names the grant schema by its published URL; the copy beside it is that schema.
  ajv.addSchema({ ...fixture("360-giving-schema.json"), $id: pkg.properties.grants.items.$ref });
  return ajv.compile(pkg);
}

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; } else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; } else cell += c;
  }
  return rows;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
});
afterAll(async () => { await app.close(); });

test("the JSON package validates against the 360Giving schema and holds every published demo award once, with its money", async () => {
  const res = await app.http("/open-data/360giving.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const validate = validator();
  const valid = validate(res.json);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  // The validator is not vacuous: a grant without its recipient or with an amount as text is refused.
  const { recipientOrganization: _r, ...broken } = res.json.grants[0];
  expect(validate({ ...res.json, grants: [broken] })).toBe(false);
  expect(validate({ ...res.json, grants: [{ ...res.json.grants[0], amountAwarded: "30000" }] })).toBe(false);

  const published: { id: string; amount_pence: string; cash_repayable_pence: string; awarded_on: string }[] = await app.db.query(
    "SELECT id, amount_pence, cash_repayable_pence, awarded_on::text FROM agreement WHERE status <> 'OFFERED' ORDER BY id");
  const offered = await app.db.query("SELECT id FROM agreement WHERE status = 'OFFERED'");
  expect(published.length).toBeGreaterThan(0);
  const grants = res.json.grants as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(grants.map((g) => g.id).sort()).toEqual(published.map((a) => `360G-kith-${a.id}`).sort());
  for (const a of published) {
    const g = grants.find((x) => x.id === `360G-kith-${a.id}`)!;
    expect(g.amountAwarded * 100).toBe(Number(a.amount_pence));
    expect(g.awardDate).toBe(a.awarded_on);
    expect(Math.round(g.payItForward.cashRepayable * 100)).toBe(Number(a.cash_repayable_pence));
    expect(Math.round((g.payItForward.cashRepayable + g.payItForward.socialRepayable) * 100)).toBe(Number(a.amount_pence));
    expect(g.fundingOrganization[0].id).toBe("360G-kith-network");
    expect(g.grantProgramme[0].code).toMatch(/^360G-kith-round-/);
    expect(g.beneficiaryLocation[0]).toMatchObject({ geoCode: expect.stringMatching(/^E0[5-9]/), geoCodeType: expect.stringMatching(/^(WD|UA|MD|NMD|LONB)$/) });
    expect(g.plannedDates[0]).toMatchObject({ startDate: expect.any(String), duration: expect.any(Number) });
  }
  for (const o of offered) expect(res.text).not.toContain(o.id);
  for (const u of Object.values(DEMO_USERS)) expect(res.text).not.toContain(u.email);
  expect(grants.some((g) => /^GB-(COH|MPR|CHC)-/.test(g.recipientOrganization[0].id))).toBe(true);
});

test("the CSV has the standard's column titles and round-trips to the same grants as the JSON", async () => {
  const [json, csv] = await Promise.all([app.http("/open-data/360giving.json"), app.http("/open-data/360giving.csv")]);
  expect(csv.status).toBe(200);
  expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
  const [header, ...rows] = parseCsv(csv.text);
  expect(header).toEqual(CSV_COLUMNS.map(([title]) => title));
  expect(rows).toHaveLength(json.json.grants.length);
  const col = (row: string[], title: string) => row[header.indexOf(title)];
  for (const [i, g] of (json.json.grants as Record<string, any>[]).entries()) { // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(col(rows[i], "Identifier")).toBe(g.id);
    expect(Number(col(rows[i], "Amount Awarded"))).toBe(g.amountAwarded);
    expect(col(rows[i], "Recipient Org:Name")).toBe(g.recipientOrganization[0].name);
    expect(col(rows[i], "Description")).toBe(g.description);
    expect(Number(col(rows[i], "Pay It Forward:Cash Repayable"))).toBe(g.payItForward.cashRepayable);
    expect(col(rows[i], "Beneficiary Location:Geographic Code")).toBe(g.beneficiaryLocation[0].geoCode);
  }
});

test("the contract operation partner/SyncAwards.graphql runs with the demo partner key and pages the same awards", async () => {
  // As written in the shared contract (tests/contract runs the file itself where it is beside the clone).
  const query = `query SyncAwards($after: String, $since: DateTime) {
    agreements(first: 100, after: $after, filter: { updatedSince: $since }) {
      pageInfo { hasNextPage endCursor }
      nodes { id updatedAt awardedOn amount { pence currency } cashRepayable { pence } socialRepayable { pence }
        organisation { id name identifiers } fund { id name } }
    }
  }`;
  const res = await app.http("/graphql", { body: { query, variables: { since: "2000-01-01T00:00:00Z" } }, headers: { authorization: `Bearer ${DEMO_PARTNER_KEY}` } });
  expect(res.status).toBe(200);
  expect(res.json.errors).toBeUndefined();
  const nodes = res.json.data.agreements.nodes;
  expect(nodes.length).toBeGreaterThan(0);
  expect(nodes[0]).toMatchObject({ organisation: { name: expect.any(String) }, fund: { name: expect.any(String) }, amount: { currency: "GBP" } });
  expect(res.json.extensions.rateLimit ?? null).toBeNull();
});
