// A small closed-loop HTTP load generator: N keep-alive connections each send the same POST again as soon as the
// last answer is in, for a fixed time. It reads answers only far enough to tell success from failure, so its own
// CPU (shared with the servers on this machine) stays small and equal for both servers.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface LoadTarget {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  completed: number;
  failed: number;
  seconds: number;
  /** Milliseconds per completed request (failures included). */
  latencies: number[];
  firstFailure?: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** One request: resolves with the status and whether the body reports GraphQL errors. */
function send(agent: Agent, url: URL, body: Buffer, headers: Record<string, string>): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: "POST", agent, timeout: REQUEST_TIMEOUT_MS,
      headers: { ...headers, "content-type": "application/json", "content-length": String(body.length) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        // A GraphQL answer with errors has an "errors" key; data never holds that key in these workloads.
        const ok = res.statusCode === 200 && !text.includes('"errors"');
        resolve({ ok, detail: ok ? "" : `HTTP ${res.statusCode}: ${text.slice(0, 300)}` });
      });
      res.on("error", (e) => resolve({ ok: false, detail: e.message }));
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (e) => resolve({ ok: false, detail: e.message }));
    req.end(body);
  });
}

/** Runs `connections` loops for `durationMs`; requests in flight at the end are awaited, so every one is counted. */
export async function runLoad(target: LoadTarget, connections: number, durationMs: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(target.url);
  const body = Buffer.from(target.body);
  const result: LoadResult = { completed: 0, failed: 0, seconds: 0, latencies: [] };
  const started = performance.now();
  const until = started + durationMs;
  const loop = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      const { ok, detail } = await send(agent, url, body, target.headers);
      result.latencies.push(performance.now() - t);
      result.completed++;
      if (!ok) {
        result.failed++;
        result.firstFailure ??= detail;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

/** One request and its parsed answer (for the correctness check and for sign-in). */
export async function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(url, {
    method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(payload),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    return { status: res.status, json: { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] } };
  }
}
