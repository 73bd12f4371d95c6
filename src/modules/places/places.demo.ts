// Demo data: a few wards and neighbourhoods, loaded through the import as a network would load its own. Their codes
// have the GSS form but are made up (E05990xxx, E02990xxx), their names say "demo", and they are marked demo.
import type { DemoContext } from "../../kith-module";
import { Role } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { PlacesImportService } from "./places-import.service";

// In Halton, whose figures the impact demo already keeps too small to show an analyst: organisations registered in
// wards make cells of their own, which suppression counts separately (see impact's summary.sql.ts).
export const DEMO_PLACES_CSV = `code,name,kind,parent
E05990001,Halton Castle (demo ward),WARD,E06000006
E05990002,Appleton (demo ward),WARD,E06000006
E05990003,Mersey and Weston (demo ward),WARD,E06000006
E02990001,Castlefields (demo neighbourhood),NEIGHBOURHOOD,E05990001
`;

export async function loadDemoPlaces({ manager }: DemoContext): Promise<void> {
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const r = await new PlacesImportService(manager).importCsv(admin, DEMO_PLACES_CSV, { demo: true });
  if ("errors" in r) throw new Error(`demo places refused: ${r.errors.map((e) => e.message).join(" ")}`);
}
