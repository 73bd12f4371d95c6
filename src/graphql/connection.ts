// Relay connections with keyset cursors: types, page arguments, and paging for one list or for many parents at once.
import { getNamedType, GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { ClassType, Field, ObjectType, Int, ArgsType, registerEnumType } from "type-graphql";
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Context } from "./context";
import { connectionSelection, Fold, foldFor } from "./folding";
import { rowShape } from "./rows";
import { badInput } from "./errors";
import { sqlState } from "../db/transaction";
import { readPrepared } from "../db/statements";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => Int, { nullable: true, description: `Page size from the end, 1..${MAX_PAGE_SIZE}.` })
  last?: number | null;
  @Field(() => String, { nullable: true }) before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What every connection resolver returns; `totalCount` is computed only when a client asks for it. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => nodeType) node: T;
  }
  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => [nodeType]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: "All items matching, across pages." }) totalCount: number;
  }
  return Connection;
}

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, { name: "OrderDirection" });

export type Direction = "ASC" | "DESC";

/** An ordering: SQL expressions of the sort keys, ending with a unique key, all in one direction. */
export interface Ordering {
  /** Names the ordering inside cursors, so a cursor made under another orderBy is refused. */
  name: string;
  keys: string[];
  direction: Direction;
}

export interface Page {
  limit: number;
  forward: boolean;
  after: unknown[] | null;
  before: unknown[] | null;
}

export function encodeCursor(ordering: Ordering, values: unknown[]): string {
  return Buffer.from(JSON.stringify([`${ordering.name}:${ordering.direction}`, ...values])).toString("base64url");
}

function decodeCursor(cursor: string, ordering: Ordering, argName: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badInput(`${argName} is not a cursor from this list.`);
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== "string") throw badInput(`${argName} is not a cursor from this list.`);
  // Checked before the shape, so a cursor of another ordering (or another list) gets the message that helps.
  if (parsed[0] !== `${ordering.name}:${ordering.direction}`) {
    throw badInput(`${argName} was made under a different orderBy; start again from the first page.`);
  }
  if (parsed.length !== ordering.keys.length + 1
      || !parsed.slice(1).every((v) => typeof v === "string" || typeof v === "number")) {
    throw badInput(`${argName} is not a cursor from this list.`);
  }
  return parsed.slice(1);
}

/**
 * Cursors are not signed, so their values reach SQL as typed parameters; one PostgreSQL cannot read as the
 * key's type (SQLSTATE class 22, e.g. a non-uuid id) is the client's bad cursor, not our fault.
 */
async function withCursorValues<T>(page: Page, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (e) {
    if ((page.after || page.before) && sqlState(e)?.startsWith("22")) {
      throw badInput(`${page.after ? "after" : "before"} is not a cursor from this list.`);
    }
    throw e;
  }
}

export function readPage(args: PageArgs, ordering: Ordering): Page {
  const { first, last, after, before } = args;
  for (const [name, v] of [["first", first], ["last", last]] as const) {
    if (v !== undefined && v !== null && (v < 1 || v > MAX_PAGE_SIZE)) {
      throw badInput(`${name} must be between 1 and ${MAX_PAGE_SIZE}.`);
    }
  }
  if (first != null && last != null) throw badInput("Give first or last, not both.");
  const forward = last == null;
  return {
    limit: (forward ? first : last) ?? DEFAULT_PAGE_SIZE,
    forward,
    after: after ? decodeCursor(after, ordering, "after") : null,
    before: before ? decodeCursor(before, ordering, "before") : null,
  };
}

export function flip(d: Direction): Direction {
  return d === "ASC" ? "DESC" : "ASC";
}

/** `(k1, k2) > ($a, $b)` style condition: the row-value comparison PostgreSQL answers from one composite index. */
function keysetCondition(keys: string[], op: ">" | "<", placeholders: string[]): string {
  return `(${keys.join(", ")}) ${op} (${placeholders.join(", ")})`;
}

/**
 * A page as a connection: rows fetched one past the limit say whether there is more. Edges and cursors are made only
 * when a client asks for them; totalCount is computed only then too.
 */
export function assemblePage<T>(rows: T[], cursorValues: unknown[][], page: Page, ordering: Ordering,
  total: () => Promise<number> | number): ConnectionResult<T> {
  const hasMore = rows.length > page.limit;
  let nodes = rows.slice(0, page.limit);
  let values = cursorValues.slice(0, page.limit);
  if (!page.forward) {
    nodes = nodes.reverse();
    values = values.reverse();
  }
  const cursorAt = (i: number) => (i >= 0 && i < values.length ? encodeCursor(ordering, values[i]) : null);
  let edges: Edge<T>[] | undefined;
  let count: Promise<number> | number | undefined;
  return {
    nodes,
    get edges() {
      edges ??= nodes.map((node, i) => ({ node, get cursor() { return encodeCursor(ordering, values[i]); } }));
      return edges;
    },
    pageInfo: {
      hasNextPage: page.forward ? hasMore : page.before !== null,
      hasPreviousPage: page.forward ? page.after !== null : hasMore,
      get startCursor() { return cursorAt(0); },
      get endCursor() { return cursorAt(values.length - 1); },
    },
    get totalCount() {
      count ??= total();
      return count;
    },
  };
}

/** What a list needs to fold the relations a query selects under its nodes into its own statement (folding.ts). */
export interface FoldingRead {
  ctx: Context;
  info: GraphQLResolveInfo;
}

/**
 * Pages a TypeORM query by keyset. The query must not join to-many relations (one SQL row per entity). Rows are read
 * as plain data (cursor values as text, so timestamps keep their full precision); with `read`, the relations the
 * query selects under its nodes, and totalCount when asked, come in the same statement.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>, ordering: Ordering, args: PageArgs, read?: FoldingRead,
): Promise<ConnectionResult<T>> {
  const page = readPage(args, ordering);
  const countQuery = qb.clone();
  const dir = page.forward ? ordering.direction : flip(ordering.direction);
  const ph = (prefix: string) => ordering.keys.map((_, i) => `:${prefix}${i}`);
  const bind = (prefix: string, values: unknown[]) =>
    Object.fromEntries(values.map((v, i) => [`${prefix}${i}`, v]));
  if (page.after) {
    qb.andWhere(keysetCondition(ordering.keys, ordering.direction === "ASC" ? ">" : "<", ph("ka")), bind("ka", page.after));
  }
  if (page.before) {
    qb.andWhere(keysetCondition(ordering.keys, ordering.direction === "ASC" ? "<" : ">", ph("kb")), bind("kb", page.before));
  }
  const shape = rowShape<T>(qb.connection, qb.expressionMap.mainAlias!.target as abstract new () => object);
  ordering.keys.forEach((key, i) => {
    if (i === 0) qb.orderBy(key, dir);
    else qb.addOrderBy(key, dir);
  });
  let fold: Fold | null = null;
  let wantsTotal = false;
  if (read) {
    const connection = getNamedType(read.info.returnType) as GraphQLObjectType;
    const selection = connectionSelection(read.info, connection, read.info.fieldNodes);
    fold = foldFor(read.ctx, read.info, selection.nodeType, selection.nodeFields, qb.alias);
    wantsTotal = selection.wantsTotal;
  }
  // Only the columns the query reads (all of them when it is not known), then cursor values, folds and the count.
  qb.select(shape.selectOnly(qb.alias, fold?.properties ?? null));
  ordering.keys.forEach((key, i) => qb.addSelect(`(${key})::text`, `__k${i}`));
  fold?.columns.forEach((column, i) => {
    const { text, params } = column.toNamed(`__f${i}_`);
    qb.addSelect(text);
    qb.setParameters(params);
  });
  // An uncorrelated subquery runs once per statement: the count rides on the page's rows. Its text keeps the named
  // parameters it shares with the page query.
  if (wantsTotal) qb.addSelect(`(${countQuery.clone().select("count(*)").orderBy().getQuery()})`, "__total");
  qb.limit(page.limit + 1);
  const [text, values] = qb.getQueryAndParameters();
  const rows = await withCursorValues(page, () => readPrepared(qb.connection, text, values));
  const nodes = rows.map((row) => {
    const node = shape.fromRow(row);
    fold?.attach(node, row);
    return node;
  });
  const cursorValues = rows.map((r) => ordering.keys.map((_, i) => r[`__k${i}`]));
  const counted = wantsTotal && rows.length ? Number(rows[0].__total) : null;
  return assemblePage(nodes, cursorValues, page, ordering, () => counted ?? countQuery.getCount());
}

export interface NestedPageQuery<T> {
  db: DataSource;
  /** SQL selecting the candidate rows; must expose a `__parent` column. Parameters are $1.. of `params`. */
  from: string;
  params?: unknown[];
  /** Columns of `from` to order by, ending with a unique one. */
  ordering: Ordering;
  map(row: Record<string, unknown>): T;
}

/**
 * Pages many parents' lists in one statement (window functions), for loaders behind nested connections such
 * as `organisation.clusters(first: 5)`. Parents asking with the same arguments share one query.
 */
export async function paginateByParent<T>(
  q: NestedPageQuery<T>, parentKeys: readonly string[], args: PageArgs,
): Promise<ConnectionResult<T>[]> {
  const page = readPage(args, q.ordering);
  const params = [...(q.params ?? [])];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const keys = q.ordering.keys.map((k) => `y.${k}`);
  const conds: string[] = [];
  if (page.after) {
    conds.push(keysetCondition(keys, q.ordering.direction === "ASC" ? ">" : "<", page.after.map((v) => `${p(v)}`)));
  }
  if (page.before) {
    conds.push(keysetCondition(keys, q.ordering.direction === "ASC" ? "<" : ">", page.before.map((v) => `${p(v)}`)));
  }
  const dir = page.forward ? q.ordering.direction : flip(q.ordering.direction);
  const parents = p(parentKeys);
  const limit = p(page.limit + 1);
  const sql = `
    SELECT * FROM (
      SELECT y.*, ${keys.map((k, i) => `(${k})::text AS __k${i}`).join(", ")},
             row_number() OVER (PARTITION BY y.__parent ORDER BY ${keys.map((k) => `${k} ${dir}`).join(", ")}) AS __rn
      FROM (
        SELECT t.*, count(*) OVER (PARTITION BY t.__parent) AS __total
        FROM (${q.from}) t WHERE t.__parent = ANY(${parents})
      ) y ${conds.length ? `WHERE ${conds.join(" AND ")}` : ""}
    ) z WHERE z.__rn <= ${limit} ORDER BY z.__parent, z.__rn`;
  const rows = await withCursorValues(page, () => readPrepared(q.db, sql, params));
  const byParent = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = String(row.__parent);
    if (!byParent.has(key)) byParent.set(key, []);
    byParent.get(key)!.push(row);
  }
  // Totals ride on the page rows; a parent whose page is empty past a cursor needs its own count.
  const missing = parentKeys.filter((k) => !byParent.has(k));
  const totals = new Map<string, number>();
  if (missing.length && (page.after || page.before)) {
    const counted = await readPrepared<{ parent: string; total: number }>(q.db,
      `SELECT t.__parent::text AS parent, count(*)::int AS total FROM (${q.from}) t
       WHERE t.__parent = ANY($${(q.params?.length ?? 0) + 1}) GROUP BY t.__parent`,
      [...(q.params ?? []), missing],
    );
    for (const c of counted) totals.set(c.parent, c.total);
  }
  return parentKeys.map((key) => {
    const list = byParent.get(key) ?? [];
    const total = list.length ? Number(list[0].__total) : (totals.get(key) ?? 0);
    return assemblePage(list.map(q.map), list.map((r) => q.ordering.keys.map((_, i) => r[`__k${i}`])), page, q.ordering, () => total);
  });
}
