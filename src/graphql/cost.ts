// What an operation may make the server do, computed on the coerced variables before anything runs: an object costs
// one, a list multiplies what it holds by its page size (a missing one counts as the default), scalars are free.
import {
  FieldNode, FragmentDefinitionNode, getArgumentValues, getNamedType, GraphQLField, GraphQLIncludeDirective,
  GraphQLObjectType, GraphQLSchema, GraphQLSkipDirective, GraphQLType, isAbstractType, isCompositeType, isListType,
  isNonNullType, isObjectType, Kind, OperationDefinitionNode, SelectionSetNode, getDirectiveValues, DocumentNode,
  GraphQLCompositeType,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "./connection";

export const COST = {
  object: 1,
  /** A write does far more than a read of one object: locks, audit, events. */
  mutationField: 10,
  /** A list without a page size (an organisation's places served, a fund's rounds) is taken to hold this many. */
  assumedListSize: DEFAULT_PAGE_SIZE,
};

type Variables = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
}

function skipped(node: FieldNode | { directives?: FieldNode["directives"] }, variables: Variables): boolean {
  const n = node as FieldNode;
  if (getDirectiveValues(GraphQLSkipDirective, n, variables)?.if === true) return true;
  return getDirectiveValues(GraphQLIncludeDirective, n, variables)?.if === false;
}

/** A Relay connection: its `edges` and `nodes` hold one page. */
function isConnection(type: GraphQLType): boolean {
  const named = getNamedType(type);
  return isObjectType(named) && named.name.endsWith("Connection") && "pageInfo" in named.getFields();
}

function listDepth(type: GraphQLType): number {
  let depth = 0;
  for (let t = type; isNonNullType(t) || isListType(t); t = (t as { ofType: GraphQLType }).ofType) {
    if (isListType(t)) depth++;
  }
  return depth;
}

function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    // Arguments execution will refuse anyway; their defaults say what the field would cost.
    return {};
  }
}

const count = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? Math.max(0, v) : undefined);

/** The page a field asks for: `first` or `last`, the length of `ids`, or the default. */
function pageSizeOf(args: Record<string, unknown>, fallback: number): number {
  const first = count(args.first);
  const last = count(args.last);
  if (first !== undefined || last !== undefined) return Math.max(first ?? 0, last ?? 0);
  if (Array.isArray(args.ids)) return args.ids.length;
  return fallback;
}

function fieldCost(w: Walk, parent: GraphQLObjectType, node: FieldNode, parentPage: number | undefined, base: number): number {
  if (node.name.value.startsWith("__")) return 0; // __typename is free; introspection is limited by depth and config
  const field = parent.getFields()[node.name.value];
  if (!field) return 0;
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return 0;
  const args = argumentsOf(field, node, w.variables);
  const lists = listDepth(field.type);
  // A connection's lists hold the connection's page; any other list its own page argument, or the assumed size.
  const size = lists === 0 ? 1 : (parentPage ?? pageSizeOf(args, COST.assumedListSize));
  const page = isConnection(field.type) ? pageSizeOf(args, DEFAULT_PAGE_SIZE) : undefined;
  const each = base + selectionCost(w, named, node.selectionSet, page);
  return size ** lists * each;
}

function typeApplies(w: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const c = w.schema.getType(condition);
  return !!c && isAbstractType(c) && w.schema.isSubType(c, type);
}

/** The cost of a selection on one concrete type; `page` is set when that type is a connection. */
function objectCost(w: Walk, type: GraphQLObjectType, set: SelectionSetNode, page: number | undefined, base: number, seen: Set<string>): number {
  let total = 0;
  for (const s of set.selections) {
    if (skipped(s, w.variables)) continue;
    if (s.kind === Kind.FIELD) total += fieldCost(w, type, s, page, base);
    else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (typeApplies(w, s.typeCondition?.name.value, type)) total += objectCost(w, type, s.selectionSet, page, base, seen);
    } else {
      const fragment = w.fragments.get(s.name.value);
      if (!fragment || seen.has(fragment.name.value) || !typeApplies(w, fragment.typeCondition.name.value, type)) continue;
      total += objectCost(w, type, fragment.selectionSet, page, base, new Set(seen).add(fragment.name.value));
    }
  }
  return total;
}

/** On an interface or union only one type's fields run: the dearest of them is the cost. */
function selectionCost(w: Walk, type: GraphQLCompositeType, set: SelectionSetNode | undefined, page: number | undefined): number {
  if (!set) return 0;
  const candidates = isAbstractType(type) ? w.schema.getPossibleTypes(type) : [type as GraphQLObjectType];
  return Math.max(0, ...candidates.map((t) => objectCost(w, t, set, page, COST.object, new Set())));
}

/** The cost of one operation of a validated document, with its variables already coerced. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const w: Walk = { schema, fragments, variables };
  return objectCost(w, root, operation.selectionSet, undefined, operation.operation === "mutation" ? COST.mutationField : COST.object, new Set());
}
