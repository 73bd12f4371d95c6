// The architecture's boundaries, read from the source: root fields through graphql/operations, storage free of GraphQL,
// and modules reaching each other only through what they publish (api, entities and enums for types, demo constants).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const SRC = resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every `import ... from "x"` of a file, with relative specifiers resolved to paths under src/. */
function importsOf(file: string): { specifier: string; target: string | null; names: string[] }[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/import\s+(?:type\s+)?(?:\{([^}]*)\}|[\w*\s,]+)\s+from\s+"([^"]+)"/g)].map((m) => ({
    specifier: m[2],
    target: m[2].startsWith(".") ? resolve(dirname(file), m[2]) : null,
    names: (m[1] ?? "").split(",").map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean),
  }));
}

const files = sourceFiles(SRC);
const rel = (path: string) => relative(SRC, path).split(sep).join("/");

test("modules declare root fields with graphql/operations' Query and Mutation, never type-graphql's own", () => {
  const offenders = files.filter((f) => !f.endsWith(join("graphql", "operations.ts"))).flatMap((f) =>
    importsOf(f).filter((i) => i.specifier === "type-graphql" && i.names.some((n) => n === "Query" || n === "Mutation"))
      .map(() => rel(f)));
  expect(offenders).toEqual([]);
});

test("storage (src/db and any ledger) imports nothing of GraphQL", () => {
  const storage = files.filter((f) => rel(f).startsWith("db/") || rel(f).split("/").includes("ledger"));
  expect(storage.length).toBeGreaterThan(0);
  const offenders = storage.flatMap((f) => importsOf(f)
    .filter((i) => i.specifier === "graphql" || i.specifier === "type-graphql" || (i.target && rel(i.target).startsWith("graphql/")))
    .map((i) => `${rel(f)} imports ${i.specifier}`));
  expect(offenders).toEqual([]);
});

test("the foundation imports no module", () => {
  const foundation = files.filter((f) => !rel(f).startsWith("modules/") && !["app.ts", "demo/seed-cli.ts", "graphql/print-schema-cli.ts",
    "db/migrate-cli.ts", "main.ts"].includes(rel(f)));
  const offenders = foundation.flatMap((f) => importsOf(f).filter((i) => i.target && rel(i.target).startsWith("modules/"))
    .map((i) => `${rel(f)} imports ${i.specifier}`));
  expect(offenders).toEqual([]);
});

/** What a module may import from another: its published api, and its entities and enums as types in the schema. */
const PUBLISHED = /(\.api|\.entity|\.enums|\.demo)$/;

test("a module reaches another only through what that module publishes", () => {
  const moduleOf = (path: string) => rel(path).split("/")[1];
  const offenders = files.filter((f) => rel(f).startsWith("modules/")).flatMap((f) => importsOf(f)
    .filter((i) => i.target && rel(i.target).startsWith("modules/") && moduleOf(i.target) !== moduleOf(f)
      && rel(i.target).split("/").length > 2 && !PUBLISHED.test(i.target))
    .map((i) => `${rel(f)} imports ${i.specifier}`));
  expect(offenders).toEqual([]);
});
