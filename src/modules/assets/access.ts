// Who may do what with community assets: one place for the module's access rules. The register, listings and completed
// transfers are public record; a transfer case still being negotiated is for the parties, staff and the combined
// authority's analysts. Read rules come as a predicate for one object and the SQL lists apply, side by side.
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, hasRole, isAdmin, Viewer } from "../../auth/viewer";
import { Sql, sql } from "../../graphql/sql";
import { COMPLETED_TRANSFER_STAGES, TransferStage } from "./assets.enums";

const actsFor = (v: Viewer, organisationId: string | null | undefined): boolean =>
  !!organisationId && hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR);

/** True when the viewer acts (as OWNER or EDITOR) for some organisation, or is ADMIN: anyone else can change nothing here. */
export const mayActAtAll = (v: Viewer): boolean => isAdmin(v) || [...v.memberships.keys()].some((o) => actsFor(v, o));

/** The parties to an asset: its owner organisation and its community holder. */
interface AssetParties {
  ownerOrganisationId: string | null;
  communityHolderId: string | null;
}

/** The parties to a transfer case. */
interface TransferParties {
  stage: TransferStage;
  fromOrganisationId: string | null;
  toOrganisationId: string;
}

/** The register, listings and completed transfers: everyone; partner keys need read:public. */
const readsRegister = (v: Viewer): boolean => v.scopes === null || v.scopes.has(ApiScope.READ_PUBLIC);

export const assetAccess = {
  readsRegister,
  /** The register's rows in SQL: all of them, or none for a partner key without read:public. */
  condition: (v: Viewer): Sql => Sql.raw(readsRegister(v) ? "true" : "false"),
  /** ADMIN registers any asset; an organisation's owners and editors register what their organisation owns. */
  register: (v: Viewer, ownerOrganisationId: string | null): boolean => isAdmin(v) || actsFor(v, ownerOrganisationId),
  /** Change an asset's record or record its value: ADMIN, or those acting for its owner or its community holder. */
  edit: (v: Viewer, a: AssetParties): boolean => isAdmin(v) || actsFor(v, a.ownerOrganisationId) || actsFor(v, a.communityHolderId),
  /** Who owns an asset is changed by ADMIN alone (a completed freehold transfer changes it too). */
  changeOwner: (v: Viewer): boolean => isAdmin(v),
};

/**
 * Transfer cases. Completed ones (COMPLETED, HANDED_OVER) are public record like the register. Cases in negotiation or
 * withdrawn are read by ADMIN, ANALYST and the members (any role) of either party. The one definition is `scope`.
 */
export const transferAccess = {
  /** The organisations whose cases in negotiation the viewer reads, or null for every case. */
  scope: (v: Viewer): string[] | null => (isAdmin(v) || hasRole(v, Role.ANALYST) ? null : [...v.memberships.keys()]),
  allows(v: Viewer, t: TransferParties): boolean {
    if (!readsRegister(v)) return false;
    const scope = transferAccess.scope(v);
    return scope === null || COMPLETED_TRANSFER_STAGES.includes(t.stage)
      || scope.includes(t.toOrganisationId) || (t.fromOrganisationId !== null && scope.includes(t.fromOrganisationId));
  },
  /** In SQL: the cases of `alias` the viewer reads. */
  condition(v: Viewer, alias: string): Sql {
    if (!readsRegister(v)) return Sql.raw("false");
    const scope = transferAccess.scope(v);
    if (scope === null) return Sql.raw("true");
    const a = (column: string) => Sql.raw(`${alias}.${column}`);
    return sql`(${a("stage")} = ANY(${[...COMPLETED_TRANSFER_STAGES]}) OR ${a("to_organisation_id")} = ANY(${scope}) OR ${a("from_organisation_id")} = ANY(${scope}))`;
  },
  /** Express interest for an organisation: ADMIN, or its owners and editors. */
  start: (v: Viewer, toOrganisationId: string): boolean => isAdmin(v) || actsFor(v, toOrganisationId),
  /** Terms, the stages up to heads of terms, and withdrawing: ADMIN and those acting for either party. */
  work: (v: Viewer, t: TransferParties): boolean => isAdmin(v) || actsFor(v, t.toOrganisationId) || actsFor(v, t.fromOrganisationId),
  /**
   * Completing and handing over change who holds the asset, so the side giving it up records them: ADMIN (who records
   * a public body's side) or those acting for the transferring organisation.
   */
  complete: (v: Viewer, t: TransferParties): boolean => isAdmin(v) || actsFor(v, t.fromOrganisationId),
};

/** Assets of Community Value: listings are public (the council's list is); these are who may act on one. */
export const acvAccess = {
  /** Nominate, or register intent to bid, for a community body: ADMIN, or its owners and editors. */
  actFor: (v: Viewer, organisationId: string): boolean => isAdmin(v) || actsFor(v, organisationId),
  /** The council's decision on a nomination is recorded by network staff. */
  decide: (v: Viewer): boolean => isAdmin(v),
  /** The owner's notice and disposals: ADMIN (for a public body) or those acting for the owner organisation. */
  ownerActs: (v: Viewer, a: AssetParties): boolean => isAdmin(v) || actsFor(v, a.ownerOrganisationId),
};
