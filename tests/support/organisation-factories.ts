// Factories for organisations and viewers, through the register's own service so rules and audit apply.
import type { DataSource } from "typeorm";
import { OrganisationsService } from "../../src/modules/organisations/organisations.service";
import { CreateOrganisationInput } from "../../src/modules/organisations/organisations.inputs";
import { LegalForm } from "../../src/modules/organisations/organisation.enums";
import type { Organisation } from "../../src/modules/organisations/organisation.entity";
import { ApiScope, OrganisationRole, Role } from "../../src/auth/roles";
import type { Viewer } from "../../src/auth/viewer";

export function viewerWith(o: Partial<Pick<Viewer, "userId" | "apiKeyId">> & { roles?: Role[]; memberships?: [string, OrganisationRole][]; scopes?: ApiScope[] } = {}): Viewer {
  return {
    userId: o.userId ?? null,
    apiKeyId: o.apiKeyId ?? null,
    roles: new Set(o.roles ?? []),
    memberships: new Map(o.memberships ?? []),
    scopes: o.scopes ? new Set(o.scopes) : null,
  };
}

/** A network-staff actor with no user row: creates organisations without making anyone their owner. */
export const SYSTEM_ADMIN: Viewer = viewerWith({ roles: [Role.ADMIN], userId: null, apiKeyId: null });

export async function placeId(db: DataSource, code: string): Promise<string> {
  const [row] = await db.query("SELECT id FROM place WHERE code = $1", [code]);
  return row.id;
}

export const LIVERPOOL = "E08000012";
export const WIRRAL = "E08000015";
export const SEFTON = "E08000014";

export async function makeOrganisation(
  db: DataSource, o: Partial<Omit<CreateOrganisationInput, "registeredPlaceId" | "placesServedIds">> & { placeCode?: string; servedCodes?: string[] } = {},
): Promise<Organisation> {
  const input = Object.assign(new CreateOrganisationInput(), {
    name: o.name ?? `Test Organisation ${Math.random().toString(36).slice(2, 8)}`,
    legalForm: o.legalForm ?? LegalForm.CIC_LIMITED_BY_GUARANTEE,
    ...o,
    registeredPlaceId: o.placeCode ? await placeId(db, o.placeCode) : undefined,
    placesServedIds: o.servedCodes ? await Promise.all(o.servedCodes.map((c) => placeId(db, c))) : undefined,
  });
  delete (input as { placeCode?: string }).placeCode;
  delete (input as { servedCodes?: string[] }).servedCodes;
  const r = await new OrganisationsService(db).create({ viewer: SYSTEM_ADMIN, requestId: "factory" }, input);
  if ("errors" in r) throw new Error(`makeOrganisation: ${JSON.stringify(r.errors)}`);
  return r.organisation;
}

export async function rowCount(db: DataSource, table: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}
