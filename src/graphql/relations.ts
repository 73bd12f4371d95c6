// Relations declared once: which rows hang off an object, as SQL scoped to the viewer. The same declaration is folded
// into the page query that reads the parents (folding.ts) and, where nothing folded it, batched per request.
import DataLoader from "dataloader";
import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import type { Context } from "./context";
import { ConnectionResult, Ordering, PageArgs, paginateByParent } from "./connection";
import { readPrepared } from "../db/statements";
import { rowShape } from "./rows";
import { Sql, sql } from "./sql";

type Entity = abstract new () => object;

export interface RelationSpec {
  /** One object, a list, or a connection (keyset pages). */
  kind: "one" | "many" | "page";
  /** The entity the related rows are read as; without one they stay plain rows (e.g. figures summed in SQL). */
  target?: () => Entity;
  /**
   * The candidate rows as SQL, with a `__parent` column matched against the parent's key, limited to what the viewer may
   * see (the access rule lives in the module's access.ts; this applies it). Sort keys an ordering names are columns here.
   * `args` are the field's arguments (a filter such as includePast may shape the SQL; page arguments are applied after).
   */
  from(ctx: Context, args: Record<string, unknown>): Sql;
  /**
   * Whether the viewer may see the relation on this parent at all (the field is null otherwise): the per-object form of
   * the module's access rule, e.g. personal data for the organisation's members. Checked on every path, folded or not.
   */
  visible?(ctx: Context, parent: object): boolean;
  /** What the field shows of the rows, when it is not the rows themselves (e.g. identifiers as their values). */
  present?(value: unknown): unknown;
  /**
   * For a relation that is not itself a field but backs several (a fund's figures behind contributed, awarded, ...):
   * those fields. Selecting any of them folds the relation once, under its own name.
   */
  backs?: string[];
  /** The parent's key the rows hang off: its column and property (default id). */
  parentKey?: { column: string; property: string };
  /** many (and one, which takes the first): the columns of `from` to order by, e.g. ["name", "id"] or ["assessed_at DESC"]. */
  orderBy?: string[];
  /** page: the keyset ordering over the columns of `from` (keys without an alias). */
  ordering?: Ordering;
}

export interface Relation extends RelationSpec {
  /** The GraphQL type and field this relation answers, e.g. Organisation.registeredPlace. */
  parentType: string;
  field: string;
}

/**
 * Declares the relations of one parent type, `relationsOf("Organisation", { registeredPlace: {...}, ... })`: list
 * `Object.values(...)` in the module's `relations`, and read each in its field resolver with `readRelation`.
 */
export function relationsOf<K extends string>(parentType: string, specs: Record<K, RelationSpec>): Record<K, Relation> {
  return Object.fromEntries(Object.entries<RelationSpec>(specs).map(([field, spec]) => [field, { ...spec, parentType, field }])) as Record<K, Relation>;
}

/** Every module's relations, found by type and by the field they answer (or back). */
export class RelationRegistry {
  private readonly byType = new Map<string, Map<string, Relation>>();

  constructor(relations: Relation[]) {
    for (const r of relations) {
      if (!this.byType.has(r.parentType)) this.byType.set(r.parentType, new Map());
      const fields = this.byType.get(r.parentType)!;
      for (const field of r.backs ?? [r.field]) {
        if (fields.has(field)) throw new Error(`${r.parentType}.${field} is declared twice`);
        fields.set(field, r);
      }
    }
  }

  get(parentType: string, field: string): Relation | undefined {
    return this.byType.get(parentType)?.get(field);
  }
}

/** Folded values ride on the object under this key, by response key (alias or field name). */
export const FOLDED = Symbol("folded");

export function parentKeyOf(relation: Relation, parent: object): string | null {
  const value = (parent as Record<string, unknown>)[relation.parentKey?.property ?? "id"];
  return value === null || value === undefined ? null : String(value);
}

/**
 * What a relation field resolver returns: the value folded into the parents' query when there is one, otherwise the
 * same relation read through a per-request loader (one statement per relation and set of arguments).
 */
export function readRelation<T>(
  relation: Relation, parent: object, args: PageArgs & Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo,
): Promise<T> | T {
  if (relation.visible && !relation.visible(ctx, parent)) return null as T;
  const key = relation.backs ? relation.field : (info.path.key as string);
  const folded = (parent as { [FOLDED]?: Map<string, unknown> })[FOLDED];
  const value = folded?.has(key) ? folded.get(key) : loadRelation(relation, parent, args, ctx);
  return (relation.present ? mapValue(value, relation.present) : value) as T;
}

/**
 * The resolver the schema gives a relation field: a folded value is answered here, without the decorated method's
 * argument handling (the method still answers everything else, so both paths read `readRelation`).
 */
export function foldedFirst(relation: Relation, method: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return (parent, args, ctx, info) => {
    const folded = (parent as { [FOLDED]?: Map<string, unknown> } | null)?.[FOLDED];
    if (!folded?.has(info.path.key as string)) return method(parent, args, ctx, info);
    if (relation.visible && !relation.visible(ctx, parent as object)) return null;
    const value = folded.get(info.path.key as string);
    return relation.present ? relation.present(value) : value;
  };
}

/** Applies `fn` to a relation's value, synchronously when it was folded (no promise per field on the fast path). */
export function mapValue<T, R>(value: Promise<T> | T, fn: (v: T) => R): Promise<R> | R {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/** The relation through its per-request loader, whatever was folded (e.g. for a rule that needs the rows). */
export function loadRelation<T>(relation: Relation, parent: object, args: PageArgs & Record<string, unknown>, ctx: Context): Promise<T> | T {
  const parentKey = parentKeyOf(relation, parent);
  if (parentKey === null) return (relation.kind === "one" ? null : relation.kind === "many" ? [] : emptyPage()) as T;
  return loaderFor(ctx, relation, args).load(parentKey) as Promise<T>;
}

function emptyPage(): ConnectionResult<never> {
  return { edges: [], nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 };
}

/** The per-request loader of one relation and set of arguments (pages of different sizes batch separately). */
function loaderFor(ctx: Context, relation: Relation, args: Record<string, unknown>): DataLoader<string, unknown> {
  const id = `${relation.parentType}.${relation.field}:${JSON.stringify(args)}`;
  let loader = ctx.relationLoaders.get(id);
  if (!loader) {
    loader = new DataLoader((keys: readonly string[]) => batch(ctx, relation, keys, args));
    ctx.relationLoaders.set(id, loader);
  }
  return loader;
}

/** Rows as API objects of the relation's entity, or as plain rows when it has none. */
export function rowsOf(ctx: Context, relation: Relation): { fromRow(r: Record<string, unknown>): unknown; fromJson(r: Record<string, unknown>): unknown } {
  return relation.target ? rowShape(ctx.app.db, relation.target()) : { fromRow: (r) => r, fromJson: (r) => r };
}

async function batch(ctx: Context, relation: Relation, keys: readonly string[], args: Record<string, unknown>): Promise<unknown[]> {
  const db = ctx.app.db;
  const shape = rowsOf(ctx, relation);
  if (relation.kind === "page") {
    const { text, values } = relation.from(ctx, args).toQuery();
    return paginateByParent({ db, from: text, params: values, ordering: relation.ordering!, map: shape.fromRow }, keys, args as PageArgs);
  }
  const order = relation.orderBy?.length ? `ORDER BY ${relation.orderBy.map((c) => `t.${c}`).join(", ")}` : "";
  const query = sql`SELECT t.* FROM (${relation.from(ctx, args)}) t WHERE t.__parent = ANY(${[...keys]}) ${Sql.raw(order)}`.toQuery();
  const rows = await readPrepared(db, query.text, query.values);
  const byParent = new Map<string, unknown[]>();
  for (const row of rows) {
    const parent = String(row.__parent);
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent)!.push(shape.fromRow(row));
  }
  return keys.map((k) => (relation.kind === "one" ? byParent.get(k)?.[0] ?? null : byParent.get(k) ?? []));
}
