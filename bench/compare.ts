// Compares two answers brought to one shape and says where they differ (paths and both values), for the
// correctness check that runs before any timing.

/** Up to `limit` differences between `a` (kith) and `b` (PostGraphile), each "path: kith ... / postgraphile ...". */
export function differences(a: unknown, b: unknown, limit = 10, path = "$"): string[] {
  const out: string[] = [];
  walk(a, b, path, out, limit);
  return out;
}

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? "undefined" : s.length > 120 ? `${s.slice(0, 117)}...` : s;
};

function walk(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: kith has ${a.length} items, postgraphile ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out, limit);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, limit);
    return;
  }
  if (!Object.is(a, b)) out.push(`${path}: kith ${show(a)} / postgraphile ${show(b)}`);
}
