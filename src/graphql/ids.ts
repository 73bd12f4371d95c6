// Opaque global IDs: type name + primary key, base64url-encoded. Clients never parse them; we always check the type.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT = /^[1-9][0-9]{0,17}$/;

/** Types whose keys are not UUIDs say so here; every other type is UUID-keyed. */
const keyShapes = new Map<string, RegExp>();
export function registerKeyShape(typeName: string, shape: "bigint"): void {
  keyShapes.set(typeName, shape === "bigint" ? BIGINT : UUID);
}

export function toGlobalId(typeName: string, key: string | number): string {
  return Buffer.from(`${typeName}:${key}`, "utf8").toString("base64url");
}

export interface DecodedId {
  typeName: string;
  key: string;
}

/** Returns null for anything that is not a well-formed global ID (wrong encoding, unknown key shape). */
export function fromGlobalId(globalId: string): DecodedId | null {
  if (typeof globalId !== "string" || globalId.length === 0 || globalId.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const raw = Buffer.from(globalId, "base64url").toString("utf8");
  const colon = raw.indexOf(":");
  if (colon <= 0) return null;
  const typeName = raw.slice(0, colon);
  const key = raw.slice(colon + 1);
  if (!/^[A-Z][A-Za-z]*$/.test(typeName)) return null;
  if (!(keyShapes.get(typeName) ?? UUID).test(key)) return null;
  return { typeName, key };
}

/** The key of a global ID of the expected type, or null (wrong type, malformed). */
export function keyOf(globalId: string, typeName: string): string | null {
  const d = fromGlobalId(globalId);
  return d && d.typeName === typeName ? d.key : null;
}

/** "an Organisation", "a Fund", "a User": for messages about IDs. */
export function withArticle(typeName: string): string {
  return `${/^([AEIO]|U(?![sr]))/.test(typeName) ? "an" : "a"} ${typeName}`;
}
