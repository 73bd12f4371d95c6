// Folded reads: the relations a query selects under a list are added to the list's own SQL as JSON subqueries (one
// object, a list, or a keyset page per parent), so a nested page costs one statement. Deeper than MAX_DEPTH, or for
// arguments the fold cannot take, the field falls back to its per-request loader (relations.ts).
import {
  FieldNode, getNamedType, GraphQLObjectType, GraphQLResolveInfo, isObjectType,
} from "graphql";
import { collectSubfields } from "graphql/execution/collectFields";
import { getArgumentValues } from "graphql/execution/values";
import type { Context } from "./context";
import { assemblePage, flip, PageArgs, readPage } from "./connection";
import { Extensions } from "type-graphql";
import { FOLDED, Relation, rowsOf } from "./relations";
import { rowShape } from "./rows";
import { Sql, sql } from "./sql";

/** Relations nested deeper than this are read through loaders: the SQL stays readable and bounded. */
const MAX_DEPTH = 4;

export interface Fold {
  /**
   * SELECT-list entries to add to the parents' query, each `(subquery) AS __f<n>`: numbered, not named by response key,
   * since an alias may be longer than PostgreSQL's 63-byte identifiers (it would be cut and the value not found).
   */
  columns: Sql[];
  /** The parents' properties the selection reads (null: every column), so the parents' query reads only those. */
  properties: ReadonlySet<string> | null;
  /** Puts the folded values on a parent object, from its row (pg row or JSON row). */
  attach(parent: object, row: Record<string, unknown>): void;
}

interface Selected {
  responseKey: string;
  relation: Relation;
  args: Record<string, unknown>;
  nodes: readonly FieldNode[];
}

/** Declares the properties a computed field reads, so a folded read fetches only the columns a query needs. */
export const Needs = (...properties: string[]) => Extensions({ needs: properties });

/**
 * The relation fields selected directly on objects of `type` by `fieldNodes`' selection sets, and the properties the
 * selection reads: a plain field its own property, a relation its parent key, a computed field what it `Needs`. A
 * computed field that declares nothing reads every column, so a missing declaration costs bytes, never correctness.
 */
function selectedFields(ctx: Context, info: GraphQLResolveInfo, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]) {
  const fields = collectSubfields(info.schema, info.fragments, info.variableValues, type, fieldNodes);
  const selected: Selected[] = [];
  const backing = new Set<string>();
  let properties: Set<string> | null = new Set(["id"]);
  for (const [responseKey, nodes] of fields) {
    const name = nodes[0].name.value;
    const relation = ctx.app.relations.get(type.name, name);
    const definition = type.getFields()[name];
    if (properties && name !== "__typename" && name !== "id") {
      const needs = definition?.extensions?.needs as string[] | undefined;
      if (relation) properties.add(relation.parentKey?.property ?? "id");
      if (needs) needs.forEach((p) => properties!.add(p));
      else if (!relation && definition && !definition.resolve) properties.add(name);
      else if (!relation) properties = null;
    }
    if (!relation) continue;
    if (relation.backs) {
      // Fields backed by one relation share one fold, under the relation's own name; their arguments do not shape it.
      if (!backing.has(relation.field)) selected.push({ responseKey: relation.field, relation, nodes, args: {} });
      backing.add(relation.field);
      continue;
    }
    selected.push({ responseKey, relation, nodes, args: getArgumentValues(definition, nodes[0], info.variableValues) });
  }
  return { selected, properties };
}

/** For a connection field: the node type, the field nodes that select on nodes, and whether totalCount is asked. */
export function connectionSelection(info: GraphQLResolveInfo, connectionType: GraphQLObjectType, fieldNodes: readonly FieldNode[]) {
  const fields = collectSubfields(info.schema, info.fragments, info.variableValues, connectionType, fieldNodes);
  const nodeType = getNamedType(connectionType.getFields().nodes.type) as GraphQLObjectType;
  // By field name, not response key: `a: nodes { x } b: nodes { y }` (or aliased edges) must all be read.
  const nodeFields: FieldNode[] = [];
  for (const selected of fields.values()) {
    if (selected[0].name.value === "nodes") nodeFields.push(...selected);
  }
  for (const edges of fields.values()) {
    if (edges[0].name.value !== "edges") continue;
    const edgeType = getNamedType(connectionType.getFields().edges.type) as GraphQLObjectType;
    for (const [, node] of collectSubfields(info.schema, info.fragments, info.variableValues, edgeType, edges)) {
      if (node[0].name.value === "node") nodeFields.push(...node);
    }
  }
  const wantsTotal = [...fields.values()].some((f) => f[0].name.value === "totalCount");
  return { nodeType, nodeFields, wantsTotal };
}

/**
 * The fold of everything selected under the objects of `type` read at `alias` (depth 0 for a root list). Returns null
 * when nothing is selected that can be folded.
 */
export function foldFor(
  ctx: Context, info: GraphQLResolveInfo, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], alias: string, depth = 0,
): Fold | null {
  if (depth >= MAX_DEPTH || !fieldNodes.some((n) => n.selectionSet)) return null;
  const { selected, properties } = selectedFields(ctx, info, type, fieldNodes);
  const parts = selected
    .map((s) => foldRelation(ctx, info, s, alias, depth))
    .filter((p): p is FoldedRelation => p !== null);
  return {
    properties,
    columns: parts.map((p, i) => sql`(${p.subquery}) AS ${Sql.raw(`__f${i}`)}`),
    attach(parent, row) {
      if (!parts.length) return;
      const folded = new Map<string, unknown>();
      parts.forEach((p, i) => folded.set(p.responseKey, p.read(row[`__f${i}`])));
      Object.defineProperty(parent, FOLDED, { value: folded, enumerable: false });
    },
  };
}

interface FoldedRelation {
  responseKey: string;
  subquery: Sql;
  /** The API value from the subquery's JSON. */
  read(json: unknown): unknown;
}

function foldRelation(ctx: Context, info: GraphQLResolveInfo, s: Selected, parentAlias: string, depth: number): FoldedRelation | null {
  const { relation } = s;
  const t = `t${depth}`;
  const parentKey = Sql.raw(`${parentAlias}.${relation.parentKey?.column ?? "id"}`);
  const shape = rowsOf(ctx, relation);
  /** The related rows' columns the query reads (all of a plain relation's). */
  const rowColumns = (child: Fold | null) => Sql.raw(relation.target
    ? rowShape(ctx.app.db, relation.target()).selectOnly(t, child?.properties ?? null)
    : `${t}.*`);
  const childType = relation.backs ? null : getNamedType(info.schema.getType(relationTypeName(info, relation, s)) ?? undefined);
  const from = relation.from(ctx, s.args);

  if (relation.kind === "page") {
    const ordering = relation.ordering!;
    let page;
    try {
      page = readPage(s.args as PageArgs, ordering);
    } catch {
      return null; // bad page arguments: the field's own resolver reports them where they were given
    }
    if (!isObjectType(childType)) return null;
    const selection = connectionSelection(info, childType, s.nodes);
    const child = foldFor(ctx, info, selection.nodeType, selection.nodeFields, t, depth + 1);
    const keys = ordering.keys.map((k) => `${t}.${k}`);
    const conds: Sql[] = [sql`${Sql.raw(`${t}.__parent`)} = ${parentKey}`];
    if (page.after) conds.push(keysetSql(keys, ordering.direction === "ASC" ? ">" : "<", page.after));
    if (page.before) conds.push(keysetSql(keys, ordering.direction === "ASC" ? "<" : ">", page.before));
    const dir = page.forward ? ordering.direction : flip(ordering.direction);
    const order = keys.map((k) => `${k} ${dir}`).join(", ");
    const total = selection.wantsTotal
      ? sql`, 'total', (SELECT count(*) FROM (${from}) c WHERE c.__parent = ${parentKey})`
      : Sql.raw("");
    const subquery = sql`SELECT json_build_object('rows', coalesce(json_agg(row_to_json(x) ORDER BY x.__rn), '[]'::json)${total})
      FROM (SELECT ${rowColumns(child)}${childColumns(child)},
                   ${Sql.raw(keys.map((k, i) => `(${k})::text AS __k${i}`).join(", "))},
                   row_number() OVER (ORDER BY ${Sql.raw(order)}) AS __rn
              FROM (${from}) ${Sql.raw(t)} WHERE ${Sql.join(conds, " AND ")}
             ORDER BY ${Sql.raw(order)} LIMIT ${page.limit + 1}) x`;
    return {
      responseKey: s.responseKey, subquery,
      read(json) {
        const { rows, total: counted } = json as { rows: Record<string, unknown>[]; total?: number };
        const nodes = rows.map((r) => hydrate(shape.fromJson(r) as object, r, child));
        const values = rows.map((r) => ordering.keys.map((_, i) => r[`__k${i}`]));
        return assemblePage(nodes, values, page, ordering, () => counted ?? 0);
      },
    };
  }

  const child = isObjectType(childType) ? foldFor(ctx, info, childType, s.nodes, t, depth + 1) : null;
  const order = (relation.orderBy ?? []).map((c) => `${t}.${c}`).join(", ");
  if (relation.kind === "one") {
    return {
      responseKey: s.responseKey,
      subquery: sql`SELECT row_to_json(x) FROM (SELECT ${rowColumns(child)}${childColumns(child)} FROM (${from}) ${Sql.raw(t)}
        WHERE ${Sql.raw(`${t}.__parent`)} = ${parentKey} ${Sql.raw(order ? `ORDER BY ${order}` : "")} LIMIT 1) x`,
      read: (json) => (json ? hydrate(shape.fromJson(json as Record<string, unknown>) as object, json as Record<string, unknown>, child) : null),
    };
  }
  return {
    responseKey: s.responseKey,
    subquery: sql`SELECT coalesce(json_agg(row_to_json(x) ORDER BY x.__rn), '[]'::json)
      FROM (SELECT ${rowColumns(child)}${childColumns(child)}, row_number() OVER (${Sql.raw(order ? `ORDER BY ${order}` : "")}) AS __rn
              FROM (${from}) ${Sql.raw(t)} WHERE ${Sql.raw(`${t}.__parent`)} = ${parentKey}) x`,
    read: (json) => (json as Record<string, unknown>[]).map((r) => hydrate(shape.fromJson(r) as object, r, child)),
  };
}

/** The GraphQL type a relation field returns (its named type). */
function relationTypeName(info: GraphQLResolveInfo, relation: Relation, s: Selected): string {
  const parent = info.schema.getType(relation.parentType) as GraphQLObjectType;
  return getNamedType(parent.getFields()[s.nodes[0].name.value].type).name;
}

function childColumns(child: Fold | null): Sql {
  return child?.columns.length ? sql`, ${Sql.join(child.columns, ", ")}` : Sql.raw("");
}

function keysetSql(keys: string[], op: ">" | "<", values: unknown[]): Sql {
  return sql`(${Sql.raw(keys.join(", "))}) ${Sql.raw(op)} (${Sql.join(values.map((v) => sql`${v}`), ", ")})`;
}

function hydrate<T extends object>(object: T, row: Record<string, unknown>, fold: Fold | null): T {
  fold?.attach(object, row);
  return object;
}
