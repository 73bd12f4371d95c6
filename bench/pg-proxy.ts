// A loopback TCP proxy in front of PostgreSQL that counts the statements each server sends, from the wire.
// Both servers connect through it (one listening port each), so their counts are measured the same way,
// whatever their drivers, prepared statements or loggers do. It reads the frontend protocol only far enough to
// see message boundaries: a simple query ('Q') or an Execute ('E') of the extended protocol is one statement,
// and the text it ran (from 'Q', or the Parse behind the Bind behind the Execute) decides its kind.
import { createServer, connect, Server, Socket } from "node:net";

export type StatementKind = "data" | "auth" | "transaction";

export interface StatementCounts {
  data: number;
  auth: number;
  transaction: number;
  /** Bytes PostgreSQL sent back (rows, and the protocol around them). */
  bytes: number;
}

/** SQL that belongs to a server's bookkeeping rather than to the query it answers. */
export interface Classifier {
  /** Statements that authenticate the caller (e.g. kith's viewer lookup). */
  auth: RegExp[];
}

const TRANSACTION = /^\s*(begin|start\s+transaction|commit|rollback|savepoint|release|set|reset|discard|select\s+set_config\s*\()/i;
const PROTOCOL_3 = 196608;
/** Distinct statement texts remembered per listener, for --show-sql; beyond this they are only counted. */
const MAX_TEXTS = 500;

export function classify(sql: string, c: Classifier): StatementKind {
  if (TRANSACTION.test(sql)) return "transaction";
  return c.auth.some((re) => re.test(sql)) ? "auth" : "data";
}

/** Reads a NUL-terminated string at `at`; returns it and the offset after the NUL. */
function cString(buf: Buffer, at: number): [string, number] {
  const end = buf.indexOf(0, at);
  return [buf.toString("utf8", at, end), end + 1];
}

/** Follows one client connection's frontend messages. */
class FrontendParser {
  private pending: Buffer = Buffer.alloc(0);
  private startup = true;
  /** Prepared statement name -> text, and portal name -> text, as this session defined them. */
  private statements = new Map<string, string>();
  private portals = new Map<string, string>();

  constructor(private readonly onStatement: (sql: string) => void) {}

  feed(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.startup) {
        // Untyped messages: SSL/GSS requests, then the startup packet (length, protocol version, parameters).
        if (this.pending.length < 8) return;
        const length = this.pending.readInt32BE(0);
        if (this.pending.length < length) return;
        if (this.pending.readInt32BE(4) === PROTOCOL_3) this.startup = false;
        this.pending = this.pending.subarray(length);
        continue;
      }
      if (this.pending.length < 5) return;
      const length = this.pending.readInt32BE(1);
      if (this.pending.length < length + 1) return;
      this.message(String.fromCharCode(this.pending[0]), this.pending.subarray(5, length + 1));
      this.pending = this.pending.subarray(length + 1);
    }
  }

  private message(type: string, body: Buffer): void {
    if (type === "Q") {
      this.onStatement(cString(body, 0)[0]);
    } else if (type === "P") {
      const [name, at] = cString(body, 0);
      this.statements.set(name, cString(body, at)[0]);
    } else if (type === "B") {
      const [portal, at] = cString(body, 0);
      this.portals.set(portal, this.statements.get(cString(body, at)[0]) ?? "");
    } else if (type === "E") {
      this.onStatement(this.portals.get(cString(body, 0)[0]) ?? "");
    } else if (type === "C") {
      const [name] = cString(body, 1);
      (body[0] === 0x53 /* S */ ? this.statements : this.portals).delete(name);
    }
  }
}

/** One listening port: the statements of everything that connects to it. */
export class CountedListener {
  readonly counts: StatementCounts = { data: 0, auth: 0, transaction: 0, bytes: 0 };
  readonly texts = new Map<string, { kind: StatementKind; count: number }>();
  port = 0;
  private server?: Server;
  private sockets = new Set<Socket>();

  constructor(private readonly target: { host: string; port: number }, private readonly classifier: Classifier) {}

  /** A copy of the counts so far, to subtract from a later one. */
  snapshot(): StatementCounts {
    return { ...this.counts };
  }

  private count(sql: string): void {
    const kind = classify(sql, this.classifier);
    this.counts[kind]++;
    // Keyed by the exact text: normalising every statement would cost the harness CPU the servers need.
    const seen = this.texts.get(sql);
    if (seen) seen.count++;
    else if (this.texts.size < MAX_TEXTS) this.texts.set(sql, { kind, count: 1 });
  }

  async listen(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      const parser = new FrontendParser((sql) => this.count(sql));
      this.sockets.add(client).add(upstream);
      client.setNoDelay(true);
      upstream.setNoDelay(true);
      client.on("data", (chunk: Buffer) => {
        parser.feed(chunk);
        if (!upstream.write(chunk)) client.pause();
      });
      upstream.on("drain", () => client.resume());
      upstream.on("data", (chunk: Buffer) => {
        this.counts.bytes += chunk.length;
      });
      upstream.pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on("close", close).on("error", close);
      upstream.on("close", close).on("error", close);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => (this.server ? this.server.close(r) : r(undefined)));
  }
}

/** `url` with its host and port replaced by the listener's. */
export function throughProxy(url: string, listener: CountedListener): string {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(listener.port);
  return u.toString();
}

export function difference(after: StatementCounts, before: StatementCounts): StatementCounts {
  return {
    data: after.data - before.data, auth: after.auth - before.auth, transaction: after.transaction - before.transaction,
    bytes: after.bytes - before.bytes,
  };
}
