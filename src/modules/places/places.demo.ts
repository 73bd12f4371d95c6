// Demo data: a few wards and neighbourhoods, loaded through the import as a network would load its own. Their codes
// have the GSS form but are made up (E05990xxx, E02990xxx), their names say "demo", and they are marked demo.
import type { DemoContext } from "../../kith-module";
import { Role } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { PlacesImportService } from "./places-import.service";

export const DEMO_PLACES_CSV = `code,name,kind,parent
E05990001,Kensington and Fairfield (demo ward),WARD,E08000012
E05990002,Anfield (demo ward),WARD,E08000012
E05990003,Linacre (demo ward),WARD,E08000014
E05990004,Birkenhead and Tranmere (demo ward),WARD,E08000015
E02990001,Kensington Fields (demo neighbourhood),NEIGHBOURHOOD,E05990001
E02990002,Breck Road (demo neighbourhood),NEIGHBOURHOOD,E05990002
`;

export async function loadDemoPlaces({ manager }: DemoContext): Promise<void> {
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const r = await new PlacesImportService(manager).importCsv(admin, DEMO_PLACES_CSV, { demo: true });
  if ("errors" in r) throw new Error(`demo places refused: ${r.errors.map((e) => e.message).join(" ")}`);
}
