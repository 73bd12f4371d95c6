// The access matrix: every type and field reachable from Query, read as every kind of principal against the demo data,
// agrees with the policy the modules declare (access.policy.ts beside each access.ts). ADMIN reads everything first;
// then each principal reads every object by node(id:), every root list, and every object as the value of another's
// field, and each answer is checked: objects the policy hides are null, fields it hides are null or empty, everything
// it shows is exactly what ADMIN read, and lists hold exactly the objects the principal may see.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, getNamedType, GraphQLObjectType, isLeafType, isObjectType } from "graphql";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { makeOrganisation } from "../support/organisation-factories";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";
import { toGlobalId } from "../../src/graphql/ids";
import { ApiScope, OrganisationRole } from "../../src/auth/roles";
import { ApiKeysService } from "../../src/auth/api-keys.service";
import { Membership } from "../../src/auth/membership.entity";
import type { Asker, Facts } from "../../src/graphql/access-policy";
import {
  declaredPolicy, DeclaredType, FieldRule, isConnection, isNodeType, objectSelection, undeclared, unwrap,
} from "../support/access-walk";
import { SYSTEM_ADMIN } from "../support/organisation-factories";

const schema = buildSchema(readFileSync(join(__dirname, "../../schema.graphql"), "utf8"));
const { types, problems } = declaredPolicy(allModules);

interface Principal { asker: Asker; token: string | undefined }
let app: TestApp;
const principals: Principal[] = [];
const substitutions: Record<string, string> = {};

async function askerOf(name: string, userId: string | null, roles: string[], scopes: string[] | null): Promise<Asker> {
  const rows: { organisation_id: string; role: string }[] = userId
    ? await app.db.query("SELECT organisation_id, role FROM organisation_membership WHERE user_id = $1", [userId]) : [];
  return {
    name, userId: userId && toGlobalId("User", userId), roles: new Set(roles), scopes: scopes && new Set(scopes),
    memberships: new Map(rows.map((r) => [toGlobalId("Organisation", r.organisation_id), r.role])),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  principals.push({ asker: await askerOf("anonymous", null, [], null), token: undefined });
  // A member of an organisation of its own, which has nothing to do with anything in the demo data.
  const stranger = await makeUser(app.db);
  const theirs = await makeOrganisation(app.db, { name: "Unrelated Organisation" });
  await app.db.getRepository(Membership).save({ userId: stranger.id, organisationId: theirs.id, role: OrganisationRole.OWNER });
  principals.push({ asker: await askerOf("member of another organisation", stranger.id, [], null), token: await app.signIn(stranger.email, TEST_PASSWORD) });
  for (const [name, user] of Object.entries(DEMO_USERS)) {
    const [row] = await app.db.query("SELECT id, roles FROM app_user WHERE email = $1", [user.email]);
    principals.push({ asker: await askerOf(name, row.id, row.roles, null), token: await app.signIn(user.email, DEMO_PASSWORD) });
  }
  for (const scope of Object.values(ApiScope)) {
    const { secret } = await app.db.transaction((m) => ApiKeysService.insert(m, { viewer: SYSTEM_ADMIN, requestId: "matrix" }, `key ${scope}`, [scope]));
    principals.push({ asker: await askerOf(`partner key with ${scope}`, null, ["PARTNER"], [scope]), token: secret });
  }
  const [own] = await app.db.query(
    "SELECT m.organisation_id FROM organisation_membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = $1", [DEMO_USERS.owner.email]);
  substitutions.$ownOrganisation = toGlobalId("Organisation", own.organisation_id);
  const [region] = await app.db.query("SELECT id FROM place WHERE code = 'E47000004'");
  substitutions.$region = toGlobalId("Place", region.id);
  for (const t of types.values()) {
    for (const [f, a] of Object.entries(t.args)) t.args[f] = a.replace(/\$\w+/g, (k) => JSON.stringify(substitutions[k] ?? k).slice(1, -1));
  }
}, 180_000);
afterAll(async () => { await app.close(); });

const asAdmin = () => principals.find((p) => p.asker.name === "admin")!;
const declared = (name: string): DeclaredType => types.get(name)!;
const objectType = (name: string) => schema.getType(name) as GraphQLObjectType;

const REFUSALS = ["UNAUTHENTICATED", "FORBIDDEN"];

/**
 * Runs a query as a principal; any GraphQL error fails the test, except (for a root field, `refusable`) a refusal to
 * someone who may not ask, which reads as nothing shown.
 */
async function read(p: Principal, query: string, refusable = false): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await app.run(query, {}, p.token);
  if (refusable && r.errors?.length && r.errors.every((e) => REFUSALS.includes(e.extensions?.code as string))) return {};
  if (r.errors?.length) throw new Error(`${p.asker.name}: ${JSON.stringify(r.errors).slice(0, 500)}\n${query.slice(0, 300)}`);
  return r.data!;
}

/** Reads objects by node(id:), a few per operation (each under the cost limit). */
async function readNodes(p: Principal, typeName: string, ids: string[]): Promise<Map<string, Facts | null>> {
  const out = new Map<string, Facts | null>();
  const t = declared(typeName);
  const selection = `__typename id ${objectSelection(schema, types, objectType(typeName))}${p === asAdmin() && t.facts ? ` ${t.facts}` : ""}`;
  // As many objects per operation as the alias limit (15) allows, counting the aliases inside the selection (a type's
  // facts may have some); each stays under the cost limit.
  const perObject = 1 + (selection.match(/\w+\s*:(?!:)/g)?.length ?? 0);
  const size = Math.max(1, Math.floor(15 / perObject));
  for (let i = 0; i < ids.length; i += size) {
    const batch = ids.slice(i, i + size);
    const data = await read(p, `{ ${batch.map((id, j) => `n${j}: node(id: ${JSON.stringify(id)}) { ...Read }`).join(" ")} }`
      + ` fragment Read on ${typeName} { ${selection} }`);
    batch.forEach((id, j) => out.set(id, data[`n${j}`]));
  }
  return out;
}

// ADMIN's reading of every object: the facts every rule is checked against.
const facts = new Map<string, Facts>();
const idsByType = new Map<string, string[]>();

/** Every object a value refers to: { __typename, id } at any depth. */
function referencesIn(value: unknown, found: Map<string, string>): void {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, found));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.__typename === "string" && typeof o.id === "string" && isNodeType(schema.getType(o.__typename)!)) found.set(o.id, o.__typename);
    Object.values(o).forEach((v) => referencesIn(v, found));
  }
}

/** Reads every object in reach of the root lists as ADMIN, following references until nothing new turns up. */
async function harvest(): Promise<void> {
  const pending = new Map<string, string>();
  for (const f of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(f.type);
    if (!isConnection(named) || f.args.some((a) => a.type.toString().endsWith("!"))) continue;
    for (const n of await allPages(asAdmin(), f.name, declared("Query").args[f.name])) pending.set(n.id, n.__typename);
  }
  while (pending.size) {
    const byType = new Map<string, string[]>();
    for (const [id, type] of pending) if (!facts.has(id)) byType.set(type, [...(byType.get(type) ?? []), id]);
    pending.clear();
    for (const [type, ids] of byType) {
      const found = await readNodes(asAdmin(), type, ids);
      for (const [id, o] of found) {
        if (!o) throw new Error(`ADMIN cannot refetch ${type} ${id}`);
        facts.set(id, o);
        idsByType.set(type, [...(idsByType.get(type) ?? []), id]);
        const refs = new Map<string, string>();
        referencesIn(o, refs);
        for (const [rid, rtype] of refs) if (!facts.has(rid)) pending.set(rid, rtype);
      }
    }
  }
  for (const o of facts.values()) o.__parents = [];
  for (const [id, o] of facts) {
    const refs = new Map<string, string>();
    referencesIn(Object.fromEntries(Object.entries(o).filter(([k]) => k !== "__parents")), refs);
    refs.delete(id);
    for (const rid of refs.keys()) facts.get(rid)?.__parents.push(id);
  }
}

/** ADMIN's reading of an object, for rules that follow a reference or a parent. */
const lookup = (id: string): Facts => {
  const o = facts.get(id);
  if (!o) throw new Error(`the policy asked about ${id}, which ADMIN's reading does not hold`);
  return o;
};

/** Every node of a root connection, page by page. */
async function allPages(p: Principal, field: string, args = ""): Promise<{ __typename: string; id: string }[]> {
  const extra = args.replace(/^\(|\)$/g, "");
  const out: { __typename: string; id: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const argList = [`first: 100`, after ? `after: ${JSON.stringify(after)}` : "", extra].filter(Boolean).join(", ");
    const data = await read(p, `{ ${field}(${argList}) { pageInfo { hasNextPage endCursor } nodes { __typename id } } }`, true);
    const page = data[field];
    if (!page) return out;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

const failures: string[] = [];
const fail = (p: Principal, where: string, what: string) => failures.push(`${p.asker.name} @ ${where}: ${what}`);
const hidden = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0)
  || (typeof v === "object" && Array.isArray((v as { nodes?: unknown[] }).nodes) && (v as { nodes: unknown[] }).nodes.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Who gets an object of this type as a field's value. */
function reaches(p: Principal, id: string, typeName: string): boolean {
  const node = declared(typeName).node!;
  return (node.reach ?? node.see)(p.asker, facts.get(id)!, lookup);
}

function ruleAllows(p: Principal, rule: FieldRule, o: Facts): boolean | "skip" {
  if (rule === "perViewer") return "skip";
  return rule === "withObject" ? true : rule(p.asker, o, lookup);
}

/** A reference to an object in a field: the principal may get it, and what it shows of it follows that type's rules. */
function checkReference(p: Principal, where: string, ref: Facts): void {
  const typeName = ref.__typename as string;
  if (!facts.has(ref.id)) { fail(p, where, `refers to ${typeName} ${ref.id} that ADMIN cannot reach`); return; }
  if (!reaches(p, ref.id, typeName)) { fail(p, where, `shows ${typeName} ${ref.id}, which the policy hides from them`); return; }
  checkFields(p, `${where} -> ${typeName}`, typeName, facts.get(ref.id)!, ref, true);
}

/** The objects of a list or connection: each one allowed, and (when ADMIN's page held them all) every allowed one there. */
function checkReferences(p: Principal, where: string, adminRefs: Facts[], refs: Facts[], complete: boolean): void {
  for (const r of refs) checkReference(p, where, r);
  if (!complete) return;
  const expected = adminRefs.filter((r) => facts.has(r.id) && reaches(p, r.id, r.__typename)).map((r) => r.id).sort();
  const got = refs.map((r) => r.id).sort();
  if (!same(expected, got)) fail(p, where, `lists ${got.length} objects where the policy shows ${expected.length}`);
}

/** One field's value as the principal read it, against ADMIN's and the field's rule. */
function checkValue(p: Principal, where: string, type: ReturnType<typeof unwrap>, adminValue: unknown, value: unknown): void {
  const { list, named } = type;
  if (isLeafType(named)) {
    if (!same(adminValue, value)) fail(p, where, "differs from what ADMIN reads");
  } else if (isConnection(named)) {
    const a = adminValue as { nodes: Facts[]; pageInfo: { hasNextPage: boolean } } | null;
    const v = value as { nodes: Facts[] } | null;
    checkReferences(p, where, a?.nodes ?? [], v?.nodes ?? [], !a?.pageInfo.hasNextPage);
  } else if (isNodeType(named)) {
    if (list) checkReferences(p, where, (adminValue as Facts[] | null) ?? [], ((value as Facts[] | null) ?? []).filter(Boolean), true);
    else if (value) checkReference(p, where, value as Facts);
    else if (adminValue && reaches(p, (adminValue as Facts).id, (adminValue as Facts).__typename)) fail(p, where, "is null where the policy shows it");
  } else if (isObjectType(named)) {
    const a = (list ? adminValue : [adminValue]) as (Facts | null)[] | null;
    const v = (list ? value : [value]) as (Facts | null)[] | null;
    if ((a?.length ?? 0) !== (v?.length ?? 0)) { fail(p, where, "holds a different number of items than ADMIN reads"); return; }
    a?.forEach((x, i) => {
      if (!x || !v![i]) { if (x !== v![i]) fail(p, `${where}[${i}]`, "is null on one side only"); return; }
      checkFields(p, `${where}[${i}]`, named.name, x, v![i]!, false);
    });
  }
}

/** Every field the principal read of an object (`present`: only those in the answer, for references). */
function checkFields(p: Principal, where: string, typeName: string, adminObject: Facts, object: Facts, present: boolean): void {
  const t = objectType(typeName);
  const d = declared(typeName);
  for (const [name, field] of Object.entries(t.getFields())) {
    if (!(name in object)) { if (!present && name in adminObject) fail(p, `${where}.${name}`, "missing from the answer"); continue; }
    const allowed = ruleAllows(p, d.fields.get(name)!, adminObject);
    if (allowed === "skip") continue;
    if (!allowed) { if (!hidden(object[name])) fail(p, `${where}.${name}`, "shows what the policy hides"); continue; }
    checkValue(p, `${where}.${name}`, unwrap(field.type), adminObject[name], object[name]);
  }
}

test("every type and field reachable from Query has a declared policy, and every declaration is served", () => {
  expect(problems).toEqual([]);
  expect(undeclared(schema, types)).toEqual([]);
});

test("every principal sees exactly what the declared policy shows, through node(id:), root lists and relations", async () => {
  await harvest();
  const counts: Record<string, string> = {};
  const check = async (p: Principal) => {
    let seen = 0;
    for (const [typeName, ids] of idsByType) {
      const node = declared(typeName).node!;
      const got = p === asAdmin() ? new Map(ids.map((id) => [id, facts.get(id)!])) : await readNodes(p, typeName, ids);
      for (const id of ids) {
        const o = got.get(id) ?? null;
        const should = node.see(p.asker, facts.get(id)!, lookup);
        if (!o) { if (should) fail(p, `${typeName} ${id}`, "node(id:) is null where the policy shows it"); continue; }
        if (!should) { fail(p, `${typeName} ${id}`, "node(id:) shows what the policy hides"); continue; }
        seen += 1;
        checkFields(p, `${typeName} ${id}`, typeName, facts.get(id)!, o, false);
      }
    }
    await checkRootFields(p);
    counts[p.asker.name] = `${seen} objects`;
  };
  // Two principals at a time: the reads are independent, and the database does the waiting.
  for (let i = 0; i < principals.length; i += 2) await Promise.all(principals.slice(i, i + 2).map(check));
  expect(summarised(failures)).toEqual([]);
  // The principals see different things, so agreement above is not everyone seeing nothing.
  expect(new Set(Object.values(counts)).size).toBeGreaterThan(4);
  expect(facts.size).toBeGreaterThan(100);
}, 900_000);

/** Failures grouped by principal, type and field (one example each), so a broken rule reads as one line per principal. */
function summarised(all: string[]): string[] {
  const groups = new Map<string, { example: string; count: number }>();
  for (const f of all) {
    const key = f.replace(/ [A-Za-z0-9_=-]{20,}/g, " <id>").replace(/\[\d+\]/g, "[]");
    const g = groups.get(key);
    if (g) g.count += 1; else groups.set(key, { example: f, count: 1 });
  }
  return [...groups.values()].map((g) => `${g.example}${g.count > 1 ? ` (and ${g.count - 1} more like it)` : ""}`).slice(0, 60);
}

/** Root fields other than node/nodes: allowed ones answer what ADMIN reads (lists: every object the principal may see). */
async function checkRootFields(p: Principal): Promise<void> {
  const root = declared("Query");
  for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
    if (name === "node" || name === "nodes") continue;
    const rule = root.fields.get(name)!;
    const allowed = ruleAllows(p, rule, { args: substitutions });
    if (allowed === "skip") continue;
    const named = getNamedType(field.type);
    if (isConnection(named)) {
      const got = (await allPages(p, name, root.args[name])).map((n) => n.id).sort();
      if (!allowed) { if (got.length) fail(p, `Query.${name}`, "lists objects the policy hides"); continue; }
      const all = await allPages(asAdmin(), name, root.args[name]);
      const expected = all.filter((n) => facts.has(n.id) && declared(n.__typename).node!.see(p.asker, facts.get(n.id)!, lookup)).map((n) => n.id).sort();
      if (!same(expected, got)) fail(p, `Query.${name}`, `lists ${got.length} objects where the policy shows ${expected.length}`);
    } else {
      // A root field answering one refetchable object (eligibilityThresholds) names it, to be checked as a reference.
      const reference = isNodeType(named) ? "__typename id " : "";
      const selection = isObjectType(named) ? ` { ${reference}${objectSelection(schema, types, named)} }` : "";
      const q = `{ ${name}${root.args[name] ?? ""}${selection} }`;
      const [a, v] = [await read(asAdmin(), q), await read(p, q, true)];
      if (!allowed) { if (!hidden(v[name])) fail(p, `Query.${name}`, "answers what the policy hides"); continue; }
      checkValue(p, `Query.${name}`, unwrap(field.type), a[name], v[name]);
    }
  }
}
