// The ledger is storage: it imports no GraphQL, directly or through anything it imports (type-only imports aside).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(__dirname, "../../..");
const GRAPHQL = [/^type-graphql$/, /^graphql(\/|$)/, /^graphql-scalars$/, /^@apollo\//];

/** Value imports of a file: `import type` and `export type` are erased, so they do not count. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm)) found.push(m[1]);
  return found;
}

/** Every GraphQL package or src/graphql file reachable from `start`, with the chain that reaches it. */
function graphqlReachedFrom(start: string): string[] {
  const reached: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      const path = [...chain, spec];
      if (!spec.startsWith(".")) {
        if (GRAPHQL.some((p) => p.test(spec))) reached.push(path.join(" -> "));
        continue;
      }
      const target = [`${resolve(dirname(file), spec)}.ts`, join(resolve(dirname(file), spec), "index.ts")].find(existsSync);
      if (!target) continue;
      if (relative(SRC, target).startsWith("graphql/")) reached.push(path.join(" -> "));
      else walk(target, path);
    }
  };
  walk(start, [relative(SRC, start)]);
  return reached;
}

test("the ledger imports no GraphQL, directly or through the files it imports", () => {
  const files = readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  expect(files.length).toBeGreaterThan(5);
  expect(files.flatMap((f) => graphqlReachedFrom(join(__dirname, f)))).toEqual([]);
});
