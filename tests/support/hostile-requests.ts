// Malformed requests for the hostile-input test, generated from the schema and a seed: random and garbled documents,
// wrong types, huge, deep and aliased operations, variable abuse, bad JSON, IDs, NUL, dates, persisted-query and GET
// junk. Every request carries a marker in the values it sends (and in names too long to be repeated) so a response
// that echoes input can be caught. No request is a valid write: every mutation carries a value refused before it runs.
import {
  getNamedType, GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema,
  isAbstractType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
} from "graphql";

/** mulberry32: small, fast and the same on every machine, so a seed replays a run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HostileRequest {
  kind: string;
  method: "GET" | "POST";
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Found in a response's messages only if the server echoed input. */
  marker: string;
}

const NUL = "\u0000";

class Gen {
  constructor(readonly r: () => number, readonly schema: GraphQLSchema, readonly marker: string) {}

  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }

  /** Text a client might send: the marker, alone or with NUL, odd Unicode, or at length. */
  text(): string {
    const m = this.marker;
    return this.pick([
      m, `${m}${NUL}`, `${NUL}${m}`, `${m} 💷 ½ ß ‮ \u2028`, `${m}\ud800`, m.repeat(1 + this.int(200)), `${m}' OR 1=1; --`,
      `${m}%s%n{{7*7}}`, `<script>${m}</script>`, `../../etc/passwd${m}`, `${m}\\`, `"${m}"`,
    ]);
  }

  /** A JSON value of any shape, mostly wrong for wherever it lands. */
  junk(depth = 0): unknown {
    const m = this.marker;
    switch (this.int(depth > 2 ? 8 : 11)) {
      case 0: return this.text();
      case 1: return this.pick([0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, 101, 100, 1]);
      case 2: return this.pick([true, false]);
      case 3: return null;
      case 4: return this.pick(["0000-01-01", "1799-12-31", "2201-01-01", "2024-02-30", "9999-12-31T23:59:59Z", `2024-01-01${m}`, "0000-00-00T00:00:00Z"]);
      case 5: return Buffer.from(`${this.pick(["Organisation", "Place", "Fund", "Cluster", "User", "AuditEvent", m])}:${this.pick([m, "1", "-1", "00000000-0000-0000-0000-000000000000", `${NUL}`, "9".repeat(40)])}`).toString("base64url");
      case 6: return this.pick(["", " ", "null", "undefined", "NaN", "[]", "{}", m.toUpperCase()]);
      case 7: return `${m}${NUL}`;
      case 8: return Array.from({ length: this.int(4) }, () => this.junk(depth + 1));
      case 9: return Object.fromEntries(Array.from({ length: 1 + this.int(3) }, () => [this.pick([m, "id", "first", "input", "__proto__", "constructor"]), this.junk(depth + 1)]));
      default: return Array.from({ length: this.pick([101, 150, 500]) }, () => this.pick([m, 1, null]));
    }
  }

  /** A value of the right type most of the time (so deeper code runs), wrong some of the time. */
  value(type: GraphQLInputType, depth = 0): unknown {
    if (this.chance(0.06) || depth > 4) return this.junk(depth);
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type)) return Array.from({ length: this.pick([0, 1, 2, 3, 101]) }, () => this.value(type.ofType, depth + 1));
    if (isEnumType(type)) return this.chance(0.85) ? this.pick(type.getValues()).name : `${this.marker}`;
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) || this.chance(0.5)) out[f.name] = this.value(f.type, depth + 1);
      return out;
    }
    switch ((type as GraphQLNamedType).name) {
      case "Int": return this.pick([0, 1, 5, 20, 20, 100, 100, 101, -1, 1, 2, 10]);
      case "SafeInt": return this.pick([0, 1, 100000, 2500000, -5, 2 ** 53, 0.5]);
      case "Float": return this.pick([0, 1.5, -1, 1e308]);
      case "Boolean": return this.chance(0.5);
      case "ID": return this.junk(5) ?? "x";
      case "Date": return this.pick(["2024-01-01", "1800-01-01", "2200-12-31", "0000-01-01", "2024-02-30", this.marker]);
      case "DateTime": return this.pick(["2024-01-01T00:00:00Z", "1800-01-01T00:00:00Z", "0000-01-01T00:00:00Z", this.marker]);
      default: return this.text();
    }
  }

  /** A value refused before anything runs, for the input of a mutation: it can never be a valid write. */
  poisoned(type: GraphQLInputType): unknown {
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      const v = this.value(type) as Record<string, unknown> | unknown;
      const object = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
      const fields = Object.values(named.getFields());
      const text = fields.find((f) => ["String", "ID"].includes(getNamedType(f.type).name));
      if (text && this.chance(0.7)) object[text.name] = `${this.marker}${NUL}`;
      else object[this.marker] = 1; // a field the input type does not have
      return isListType(isNonNullType(type) ? type.ofType : type) ? [object] : object;
    }
    if (isScalarType(named) && ["String", "ID"].includes(named.name)) return `${this.marker}${NUL}`;
    return { [this.marker]: NUL };
  }

  /** GraphQL literal syntax for a JSON value (strings escaped as JSON, which GraphQL reads the same way). */
  literal(v: unknown): string {
    if (v === null || v === undefined) return "null";
    // A lone surrogate is refused by the lexer: sent now and then, not so often that little else is tested.
    if (typeof v === "string") return JSON.stringify(this.chance(0.8) ? v.replace(/[\ud800-\udfff]/g, "\ufffd") : v);
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v)) return `[${v.map((x) => this.literal(x)).join(", ")}]`;
    return `{ ${Object.entries(v as Record<string, unknown>).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k)).map(([k, x]) => `${k}: ${this.literal(x)}`).join(", ")} }`;
  }

  selection(type: GraphQLNamedType, depth: number, vars: Vars): string {
    if (!isObjectType(type) && !isAbstractType(type)) return "";
    const parts: string[] = [];
    if (isAbstractType(type)) {
      parts.push("__typename");
      for (const t of this.schema.getPossibleTypes(type).slice(0, 40)) if (this.chance(0.15)) parts.push(`... on ${t.name} ${this.selection(t, depth, vars) || "{ __typename }"}`);
      if (this.chance(0.05)) parts.push(`... on ${this.marker} { id }`);
      return `{ ${parts.join(" ")} }`;
    }
    // Distinct fields: the same field twice with other arguments is a conflict, and most operations should run.
    const fields = Object.values((type as GraphQLObjectType).getFields()).sort(() => this.r() - 0.5);
    for (const f of fields.slice(0, 1 + this.int(Math.min(fields.length, depth > 2 ? 3 : 6)))) parts.push(this.field(f, depth + 1, vars));
    if (this.chance(0.002)) parts.push(this.marker); // a field that does not exist, by a name too long to repeat
    return `{ ${parts.join(" ")} }`;
  }

  field(f: GraphQLField<unknown, unknown>, depth: number, vars: Vars, poison = false): string {
    const alias = this.chance(0.08) ? `${this.pick(["a", "b", this.marker])}${this.int(1000)}: ` : "";
    const args = this.args(f.args, vars, poison);
    const directive = this.chance(0.04) ? ` @${this.pick(["skip", "include"])}(if: ${this.pick(["true", "false", "true", "false", "true", "false", "$nope", `"${this.marker}"`])})` : "";
    const named = getNamedType(f.type);
    const sub = isObjectType(named) || isAbstractType(named)
      ? (depth > 6 && this.chance(0.7) ? "{ __typename }" : this.selection(named, depth, vars) || "{ __typename }")
      : "";
    return `${alias}${f.name}${args}${directive} ${sub}`;
  }

  args(args: readonly GraphQLArgument[], vars: Vars, poison: boolean): string {
    const chosen = args.filter((a) => isNonNullType(a.type) || this.chance(0.5));
    if (poison && !chosen.length && args.length) chosen.push(args[0]);
    if (this.chance(0.001)) return `(${this.marker}: 1)`;
    const parts = chosen.map((a, i) => {
      const value = poison && i === 0 ? this.poisoned(a.type) : this.value(a.type);
      if (this.chance(0.5)) {
        const name = `v${vars.defs.length}`;
        const typeText = this.chance(0.95) ? String(a.type) : this.pick(["String", "Int", "[ID!]!", "Boolean!", this.marker]);
        vars.defs.push(`$${name}: ${typeText}`);
        if (!this.chance(0.05)) vars.values[name] = value; // sometimes a required variable is left out
        return `${a.name}: $${name}`;
      }
      return `${a.name}: ${this.literal(value)}`;
    });
    return parts.length ? `(${parts.join(", ")})` : "";
  }

  /** A whole operation on a random root field (mutations always poisoned) and its variables. */
  operation(): { query: string; variables: Record<string, unknown>; operationName?: string } {
    const mutation = this.chance(0.35);
    const root = (mutation ? this.schema.getMutationType() : this.schema.getQueryType())!;
    const vars: Vars = { defs: [], values: {} };
    const count = mutation ? 1 : 1 + this.int(3);
    const picked = Array.from({ length: count }, () => this.pick(Object.values(root.getFields())));
    const fields = picked.map((f) => this.field(f, 1, vars, mutation && f.args.length > 0));
    if (mutation && picked[0].args.length === 0) {
      // A mutation without arguments would run as written (`signOut { ... }`, even with arguments deeper in its
      // selection): give it one it does not take.
      fields[0] = fields[0].replace(/^(\w+: )?(\w+)/, `$1$2(${this.marker}: "${NUL}")`);
    }
    if (this.chance(0.05)) vars.defs.push(`$${this.marker}: Int`); // unused
    const name = this.chance(0.3) ? `Op${this.int(1000)}` : "";
    const head = `${mutation ? "mutation" : "query"} ${name}${vars.defs.length ? `(${vars.defs.join(", ")})` : ""}`;
    return { query: `${head} { ${fields.join(" ")} }`, variables: vars.values, operationName: name || undefined };
  }
}

interface Vars {
  defs: string[];
  values: Record<string, unknown>;
}

/** Whole-token damage: strings and names are moved or dropped whole, so a marker is never cut short. */
function garble(g: Gen, query: string): string {
  const tokens = query.match(/"(?:[^"\\]|\\.)*"|[_A-Za-z][_0-9A-Za-z]*|-?\d+(?:\.\d+)?(?:e\d+)?|\.\.\.|\S/g) ?? [];
  const ops = 1 + g.int(4);
  for (let i = 0; i < ops && tokens.length; i++) {
    const at = g.int(tokens.length);
    switch (g.int(6)) {
      case 0: tokens.splice(at, 1); break;
      case 1: tokens.splice(at, 0, g.pick(["{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "!", "=", "|", "&", "#", "\"", "\"\"\"", "query", "fragment", "on"])); break;
      case 2: tokens.splice(at, 0, tokens[g.int(tokens.length)]); break;
      case 3: { const b = g.int(tokens.length); [tokens[at], tokens[b]] = [tokens[b], tokens[at]]; break; }
      case 4: tokens.length = at; break;
      default: tokens.splice(at, 0, ...tokens.slice(at, at + 5)); break;
    }
  }
  return tokens.join(" ");
}

const post = (g: Gen, kind: string, body: unknown, headers: Record<string, string> = {}): HostileRequest => ({
  kind, method: "POST", path: "/graphql", headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body), marker: g.marker,
});
const getRequest = (g: Gen, kind: string, params: [string, string][]): HostileRequest => ({
  kind, method: "GET", path: `/graphql?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`, headers: {}, marker: g.marker,
});

/** The `index`-th request of the run seeded `seed`: the same pair always gives the same request. */
export function hostileRequest(schema: GraphQLSchema, seed: number, index: number): HostileRequest {
  const r = seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const marker = `hx${index.toString(36)}${Math.floor(r() * 2 ** 32).toString(36)}_${"q".repeat(44)}`;
  const g = new Gen(r, schema, marker);
  const op = g.operation();
  switch (g.int(16)) {
    case 0: case 1: case 2: case 3: case 4:
      return post(g, "generated operation", op);
    case 5: case 6:
      return post(g, "garbled operation", { ...op, query: garble(g, op.query) });
    case 7:
      return post(g, "wrong-typed variables", { ...op, variables: Object.fromEntries(Object.keys(op.variables).map((k) => [k, g.junk()])) });
    case 8: {
      const depth = 10 + g.int(40);
      const field = g.pick(["parent", "registeredPlace { parent", "node(id: $id) { id"]);
      const query = `query($id: ID!) { places { nodes { ${`${field} { `.repeat(depth)} id ${"} ".repeat(depth * (field.includes("{") ? 2 : 1))} } } }`;
      return post(g, "deep operation", { query, variables: { id: g.junk() } });
    }
    case 9: {
      const n = g.pick([16, 50, 200]);
      const fieldText = g.pick([`organisations(first: $n) { nodes { clusters(first: $n) { nodes { name } } } }`, "places { totalCount }", `node(id: $id) { id }`]);
      const query = `query($n: Int, $id: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: ${fieldText}`).join(" ")} }`;
      return post(g, "aliased operation", { query, variables: { n: g.pick([1, 100, 10_000, -1]), id: g.junk() } });
    }
    case 10: {
      const query = g.pick([
        `{ places(filter: { search: ${JSON.stringify(g.text())} }) { totalCount } ${"__typename ".repeat(3000)} }`,
        `query(${Array.from({ length: 1000 }, (_, i) => `$v${i}: Int`).join(", ")}) { __typename }`,
        `{ places ${"@skip(if: false) ".repeat(30)} { totalCount } }`,
        `{ __typename } ${Array.from({ length: 50 }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % 50} }`).join(" ")}`,
        `query A { __typename } query A { __typename }`,
        `{ ...${g.marker} }`,
      ]);
      return post(g, "limit abuse", { query, variables: op.variables });
    }
    case 11:
      return post(g, "bad JSON", g.pick([
        `{"query": ${JSON.stringify(op.query)}`, `[${JSON.stringify(op)}]`, `{"query": {"${g.marker}": 1}}`, `{"query": 42}`,
        `{"query": ${JSON.stringify(op.query)}, "variables": ${JSON.stringify(JSON.stringify(op.variables))}}`,
        `{"query": ${JSON.stringify(op.query)}, "variables": [1, "${g.marker}"]}`, `${"[".repeat(5000)}${"]".repeat(5000)}`,
        `{"query": "{ __typename }", "operationName": ["${g.marker}"]}`, `"${g.marker}"`, "null", "\u0000", `{"query": "\\u0000${g.marker}"}`,
        `{"query": ${JSON.stringify(op.query)}, "extensions": "${g.marker}"}`,
      ]), g.chance(0.2) ? { "content-type": g.pick(["text/plain", "application/graphql", `application/${g.marker}`]) } : {});
    case 12:
      return post(g, "persisted-query junk", {
        ...(g.chance(0.5) ? { query: op.query } : {}), variables: op.variables,
        extensions: { persistedQuery: g.pick([
          { version: 1, sha256Hash: g.marker }, { version: 2, sha256Hash: "0".repeat(64) }, { version: "1", sha256Hash: g.junk() },
          g.marker, null, [], { version: 1 }, { sha256Hash: "a".repeat(64) }, { version: 1, sha256Hash: "f".repeat(64) },
        ]) },
      });
    case 13:
      return getRequest(g, "GET junk", g.pick([
        [["query", op.query], ["variables", JSON.stringify(op.variables)]],
        [["query", "{ __typename }"], ["extensions", `{${g.marker}`]],
        [["query", "{ __typename }"], ["extensions", JSON.stringify({ persistedQuery: g.junk() })]],
        [["query", "{ __typename }"], ["query", "{ __typename }"]],
        [["variables", `{"${g.marker}`], ["query", op.query]],
        [["operationName", g.marker], ["query", "query A { __typename }"]],
        [["query", garble(g, op.query)]],
        [["extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: g.marker } })]],
      ] as [string, string][][]));
    case 14:
      return post(g, "header junk", op, g.pick<Record<string, string>>([
        { authorization: `Bearer ${g.marker}` }, { authorization: `Bearer kith_${g.marker}` }, { authorization: g.marker },
        { "x-request-id": g.marker }, { "apollo-require-preflight": g.marker, "x-apollo-operation-name": g.marker },
        { accept: `application/${g.marker}` }, { accept: "multipart/mixed" }, { "x-forwarded-for": `${g.marker}, 1.2.3.4` },
      ]));
    default: {
      const big = g.pick([10_000, 100_000, 300_000]);
      return post(g, "huge input", { query: "query($s: String) { organisations(filter: { search: $s }) { totalCount } }", variables: { s: g.marker.repeat(Math.ceil(big / g.marker.length)) } });
    }
  }
}
