// The access matrix's reading of the schema: the declared policy of every type and field (merged from the modules'
// access.policy.ts), what is missing from it, and the selection that reads every field of an object.
import {
  getNamedType, GraphQLField, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, isEnumType, isInterfaceType, isLeafType,
  isListType, isNonNullType, isObjectType, GraphQLOutputType,
} from "graphql";
import type { KithModule } from "../../src/kith-module";
import { AccessPolicy, ExtraFields, isExtra, isPart, NodePolicy, Rule } from "../../src/graphql/access-policy";

/** A field's declared rule: shown with its object, a rule of its own, or depends on who asks. */
export type FieldRule = "withObject" | "perViewer" | Rule;

export interface DeclaredType {
  kind: "node" | "part" | "root";
  node?: NodePolicy;
  fields: Map<string, FieldRule>;
  args: Record<string, string>;
  facts: string;
}

const words = (s: string | undefined) => (s ?? "").split(/\s+/).filter(Boolean);

/** Merges the modules' declarations; a field declared twice is an error. */
export function declaredPolicy(modules: KithModule[]): { types: Map<string, DeclaredType>; problems: string[] } {
  const types = new Map<string, DeclaredType>();
  const problems: string[] = [];
  const entry = (name: string, kind: DeclaredType["kind"]) => {
    let t = types.get(name);
    if (!t) types.set(name, (t = { kind, fields: new Map(), args: {}, facts: "" }));
    return t;
  };
  const add = (type: string, t: DeclaredType, field: string, rule: FieldRule, from: string) => {
    if (t.fields.has(field)) problems.push(`${type}.${field} is declared twice (again by ${from})`);
    t.fields.set(field, rule);
  };
  const addFields = (type: string, t: DeclaredType, p: NodePolicy | ExtraFields, from: string) => {
    for (const f of words(p.fields)) add(type, t, f, "withObject", from);
    for (const f of words(p.perViewer)) add(type, t, f, "perViewer", from);
    for (const [f, r] of Object.entries(p.restricted ?? {})) add(type, t, f, r, from);
    Object.assign(t.args, p.args ?? {});
  };
  for (const m of modules) {
    for (const [type, p] of Object.entries(m.accessPolicy ?? {} as AccessPolicy)) {
      if (isPart(p)) {
        const t = entry(type, "part");
        for (const f of words(p.part)) add(type, t, f, "withObject", m.name);
      } else if (isExtra(p)) {
        addFields(type, entry(type, type === "Query" ? "root" : "node"), p, m.name);
      } else {
        const t = entry(type, "node");
        if (t.node) problems.push(`${type} is declared twice (again by ${m.name})`);
        t.node = p;
        t.facts = p.facts ?? "";
        addFields(type, t, p, m.name);
      }
    }
  }
  return { types, problems };
}

/** Relay's structural types follow what they hold: a connection's nodes, an edge's node. */
export const isConnection = (t: GraphQLNamedType): boolean =>
  isObjectType(t) && t.name.endsWith("Connection") && "pageInfo" in t.getFields();
const isEdge = (t: GraphQLNamedType) => isObjectType(t) && t.name.endsWith("Edge") && "cursor" in t.getFields();
export const isNodeType = (t: GraphQLNamedType) => (isObjectType(t) && t.getInterfaces().some((i) => i.name === "Node")) || t.name === "Node";

/** Every object type reachable from Query and from node(id:). */
export function reachableTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  const seen = new Map<string, GraphQLObjectType>();
  const queue: GraphQLNamedType[] = [schema.getQueryType()!, ...schema.getPossibleTypes(schema.getType("Node") as never)];
  while (queue.length) {
    const t = queue.shift()!;
    if (seen.has(t.name)) continue;
    if (isInterfaceType(t)) { queue.push(...schema.getPossibleTypes(t)); continue; }
    if (!isObjectType(t)) continue;
    seen.set(t.name, t);
    for (const f of Object.values(t.getFields())) queue.push(getNamedType(f.type));
  }
  return [...seen.values()];
}

/** Types and fields the schema serves that no module declared, and declarations the schema does not serve. */
export function undeclared(schema: GraphQLSchema, types: Map<string, DeclaredType>): string[] {
  const out: string[] = [];
  const reachable = reachableTypes(schema);
  for (const t of reachable) {
    if (isConnection(t) || isEdge(t)) continue;
    const d = types.get(t.name);
    if (!d) { out.push(`type ${t.name} has no declared policy`); continue; }
    if (isNodeType(t) && !d.node) out.push(`type ${t.name} implements Node but no module declares who sees it`);
    for (const f of Object.keys(t.getFields())) if (!d.fields.has(f)) out.push(`${t.name}.${f} has no declared policy`);
    for (const f of d.fields.keys()) if (!(f in t.getFields())) out.push(`${t.name}.${f} is declared but not served`);
  }
  for (const name of types.keys()) if (!reachable.some((t) => t.name === name)) out.push(`type ${name} is declared but not served`);
  return out;
}

const needsArgs = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** The leaf fields of a type that need no arguments: what a reference to an object shows of it. */
function leaves(t: GraphQLObjectType): string[] {
  return Object.values(t.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !needsArgs(f)).map((f) => f.name);
}

/** What an object field holds: a reference to an object, a connection, or a part read whole. */
function fieldSelection(schema: GraphQLSchema, types: Map<string, DeclaredType>, f: GraphQLField<unknown, unknown>, args: string, depth: number): string | null {
  const named = getNamedType(f.type);
  if (isLeafType(named)) return `${f.name}${args}`;
  if (isConnection(named)) {
    const node = getNamedType((named as GraphQLObjectType).getFields().nodes.type) as GraphQLObjectType;
    return `${f.name}${args || "(first: 50)"} { pageInfo { hasNextPage } nodes { ${reference(node)} } }`;
  }
  if (isNodeType(named)) return `${f.name}${args} { ${reference(named as unknown as GraphQLObjectType)} }`;
  if (!isObjectType(named) || depth > 3) return null;
  return `${f.name}${args} { ${objectSelection(schema, types, named, depth + 1)} }`;
}

/** A reference to an object: its type, id and leaf fields (checked against that type's field rules). */
export function reference(t: GraphQLObjectType): string {
  if (t.name === "Node" || !isObjectType(t)) return "__typename id";
  return `__typename ${leaves(t).join(" ")}`;
}

/** Every field of an object: leaves, parts whole, references to other objects, one page of each connection. */
export function objectSelection(schema: GraphQLSchema, types: Map<string, DeclaredType>, t: GraphQLObjectType, depth = 0): string {
  const d = types.get(t.name);
  const parts: string[] = [];
  for (const f of Object.values(t.getFields())) {
    const args = d?.args[f.name] ?? "";
    if (needsArgs(f) && !args) continue;
    const s = fieldSelection(schema, types, f, args, depth);
    if (s) parts.push(s);
  }
  return parts.join(" ");
}

export function unwrap(t: GraphQLOutputType): { list: boolean; named: GraphQLNamedType } {
  const inner = isNonNullType(t) ? t.ofType : t;
  return { list: isListType(inner), named: getNamedType(t) };
}

export { isEnumType };
