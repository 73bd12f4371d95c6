// Generated malformed requests against a started server, anonymous and signed in: never a 5xx, never "Internal error",
// no stack, SQL, file path or echoed input in any answer, and no row written. A few hundred here; KITH_LONG_TESTS=1
// sends 10,000. A failure names its seed and index: KITH_HOSTILE_SEED=<seed> replays the run (KITH_HOSTILE_COUNT sets
// how many; KITH_HOSTILE_REPORT=1 prints the figures, =full also writes every failure to kith-hostile-failures.json in the temporary directory).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { buildSchema } from "graphql";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { rowCounts } from "../support/row-counts";
import { hostileRequest, HostileRequest } from "../support/hostile-requests";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";

const LONG = process.env.KITH_LONG_TESTS === "1";
const COUNT = Number(process.env.KITH_HOSTILE_COUNT ?? (LONG ? 10_000 : 300));
const SEED = Number(process.env.KITH_HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PARALLEL = 8;

const schema = buildSchema(readFileSync(join(__dirname, "../../schema.graphql"), "utf8"));
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp({ KITH_MAX_BODY_BYTES: String(256 * 1024) });
  await loadDemoData(app.db, allModules, createLogger("silent"));
  token = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => { await app.close(); });

/** What no answer may contain: anywhere in it, or (where data could hold such words) in what it says of the request. */
const LEAKS: [string, RegExp, "anywhere" | "in messages"][] = [
  ["a masked fault", /Internal error|INTERNAL_SERVER_ERROR/, "anywhere"],
  ["a stack trace", /\n\s+at |\bat [\w.<>]+ \(|stacktrace/, "anywhere"],
  ["SQL", /\b(SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(FROM|INTO|SET|WHERE)\b|relation "|syntax error at or near|violates|QueryFailedError|SQLSTATE/, "in messages"],
  ["a file path", /\/(src|tests|node_modules|home|root|usr|tmp|work)\/|\.ts:\d+/, "in messages"],
];

/** The parts of an answer that speak about the request: error messages and extensions, and messages in payloads. */
function spoken(json: unknown): string {
  const said: string[] = [];
  const walk = (v: unknown, key = ""): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === "string" && (key === "message" || key === "code")) said.push(v);
  };
  const body = json as { errors?: unknown[]; data?: unknown };
  for (const e of body?.errors ?? []) {
    // A path repeats the client's own aliases, and a well-formed x-request-id is the client's to choose and see again.
    const { path: _path, extensions, ...rest } = e as { path?: unknown; extensions?: Record<string, unknown> };
    const { requestId: _id, ...other } = extensions ?? {};
    said.push(JSON.stringify({ ...rest, extensions: other }));
  }
  walk(body?.data);
  return said.join("\n");
}

interface Failure {
  index: number;
  as: string;
  kind: string;
  problem: string;
  request: string;
  status: number;
  answer: string;
}

async function send(req: HostileRequest, as: string | undefined): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { ...req.headers };
  if (as && !headers.authorization) headers.authorization = `Bearer ${as}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 20_000);
  try {
    const res = await fetch(`http://127.0.0.1:${await app.port()}${req.path}`, { method: req.method, headers, body: req.body, signal: abort.signal });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    return { status: 0, text: `no answer within 20 s: ${(e as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

function check(req: HostileRequest, status: number, text: string): string | null {
  if (status === 0) return text;
  if (status >= 500) return `status ${status}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "an answer that is not JSON";
  }
  const said = spoken(json);
  for (const [what, pattern, where] of LEAKS) if (pattern.test(where === "anywhere" ? text : said)) return what;
  const core = req.marker.slice(0, req.marker.indexOf("_"));
  if (said.includes(core)) return "echoed input";
  return null;
}

test(`${COUNT} hostile requests, anonymous and signed in, answered without fault or leak and writing nothing (seed ${SEED})`, async () => {
  const before = await rowCounts(app.db);
  const failures: Failure[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    for (let index = next++; index < COUNT; index = next++) {
      const req = hostileRequest(schema, SEED, index);
      const as = index % 2 === 0 ? undefined : token;
      const { status, text } = await send(req, as);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const problem = check(req, status, text);
      if (problem) {
        failures.push({ index, as: as ? "signed in" : "anonymous", kind: req.kind, problem, status,
          request: `${req.method} ${req.path.slice(0, 300)} ${req.body?.slice(0, 600) ?? ""}`, answer: process.env.KITH_HOSTILE_REPORT === "full" ? text : text.slice(0, 600) });
      }
    }
  }));
  const after = await rowCounts(app.db);
  if (process.env.KITH_HOSTILE_REPORT) {
    console.log(JSON.stringify({ seed: SEED, requests: COUNT, seconds: (Date.now() - started) / 1000, statuses: Object.fromEntries(statuses), failures: failures.length }));
    if (process.env.KITH_HOSTILE_REPORT === "full") writeFileSync(join(tmpdir(), "kith-hostile-failures.json"), JSON.stringify(failures, null, 1));
  }
  expect({ seed: SEED, failures: failures.slice(0, 5), more: Math.max(0, failures.length - 5) }).toEqual({ seed: SEED, failures: [], more: 0 });
  expect(after).toEqual(before);
}, LONG ? 1_800_000 : 180_000);
