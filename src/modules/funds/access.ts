// Who may do what with funds (issue 6 "Roles"): applicants for their organisation, panel members for their round,
// ADMIN for money, partners with read:funds for funds and agreements. One place for the fund's access rules.
//
// A rule that limits what a viewer reads is written here in both its forms, side by side: the predicate that
// node(id:), field resolvers and services ask of one object, and the SQL condition lists apply. access.test.ts checks,
// for every demo principal, that each list returns exactly what node(id:) shows.
import type { DataSource } from "typeorm";
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, hasRole, isAdmin, Viewer } from "../../auth/viewer";
import type { Context } from "../../graphql/context";
import { Sql, sql } from "../../graphql/sql";
import { clustersApi } from "../clusters/clusters.api";
import { ApplicationStatus, PartnerConsent } from "./funds.enums";
import type { FundingApplication } from "./applications/application.entity";
import type { Agreement } from "./agreements/agreement.entity";

const partnerReadsFunds = (v: Viewer) => v.scopes !== null && v.scopes.has(ApiScope.READ_FUNDS);

/** A condition a list adds to its WHERE, with its named parameters. */
export interface SqlCondition {
  condition: string;
  params: Record<string, unknown>;
}

export const fundAccess = {
  /** Funds and their figures are public money: anyone may read them, partner keys with read:funds. */
  readFunds: (v: Viewer) => v.scopes === null || partnerReadsFunds(v),
  /** Creating funds and rounds and every movement of money: network staff only. */
  manage: (v: Viewer) => isAdmin(v),
  /** Drafting, submitting, withdrawing, accepting offers and claiming social repayment: owners and editors. */
  actFor: (v: Viewer, organisationId: string) => hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR),
  /** Individual views: the round's panel and ADMIN. Applicants see the decision and its reasons. */
  readPanelViews: (v: Viewer, onRoundPanel: boolean) => isAdmin(v) || onRoundPanel,
  /**
   * fundingSummary: whoever reads every agreement (ADMIN, ANALYST, PANEL_MEMBER, read:funds keys). Its figures are not
   * suppressed, and a place and quarter may hold a single agreement, whose repayments and write-off are not public.
   */
  readSummary: (v: Viewer) => agreementAccess.readsAll(v),
};

/**
 * Agreements: every one for staff, the combined authority's analysts, panel members and partners with read:funds;
 * otherwise those of the organisations the viewer belongs to (in any role), as the lead or as a consenting partner of a
 * collective application. The one definition is `scope`; the predicate and the SQL are read from it.
 */
export const agreementAccess = {
  readsAll: (v: Viewer) => isAdmin(v) || hasRole(v, Role.ANALYST) || hasRole(v, Role.PANEL_MEMBER) || partnerReadsFunds(v),
  /** The organisations whose agreements the viewer reads, or null for every agreement. */
  scope: (v: Viewer): string[] | null => (agreementAccess.readsAll(v) ? null : [...v.memberships.keys()]),
  /** Per object: an agreement led by `organisationId` with these (consenting) partners. */
  allows: (v: Viewer, organisationId: string, partnerIds: readonly string[] = []): boolean => {
    const scope = agreementAccess.scope(v);
    return scope === null || scope.includes(organisationId) || partnerIds.some((id) => scope.includes(id));
  },
  /** In SQL: the agreements of `alias` within a scope bound as `param` (":scope" in a query builder, "$1" in raw SQL). */
  where: (alias: string, param: string): string =>
    `(${alias}.organisation_id = ANY(${param}) OR ${partneredBy(`${alias}.application_id`, param, true)})`,
  /** In SQL, as a fragment with its value: the agreements of `alias` the viewer reads. */
  condition: (v: Viewer, alias: string): Sql => {
    const scope = agreementAccess.scope(v);
    if (scope === null) return Sql.raw("true");
    return sql`(${Sql.raw(`${alias}.organisation_id`)} = ANY(${scope}) OR EXISTS (SELECT 1 FROM funding_application_partner ap
      WHERE ap.application_id = ${Sql.raw(`${alias}.application_id`)} AND ap.consent = 'CONSENTED' AND ap.organisation_id = ANY(${scope})))`;
  },
};

/** SQL: the application in `applicationColumn` has a partner among the organisations bound as `param` (consenting, if asked). */
export function partneredBy(applicationColumn: string, param: string, consenting: boolean): string {
  return `EXISTS (SELECT 1 FROM funding_application_partner ap WHERE ap.application_id = ${applicationColumn}`
    + `${consenting ? " AND ap.consent = 'CONSENTED'" : ""} AND ap.organisation_id = ANY(${param}))`;
}

/**
 * Applications: ADMIN sees every one; others see their organisations' (in any role, as the lead or as a partner
 * invited to a collective application, whatever its answer) and, once submitted, those in rounds whose peer panel they
 * sit on (drafts stay private). Per object the panel part is `onRoundPanel`; in SQL it is the rounds
 * `roundsOnPanelsOf` finds. Clause for clause:
 */
export const applicationAccess = {
  allows: (v: Viewer, a: Pick<FundingApplication, "organisationId" | "status">, onRoundPanel: boolean, partnerIds: readonly string[]): boolean =>
    isAdmin(v)
    || v.memberships.has(a.organisationId)
    || partnerIds.some((id) => v.memberships.has(id))
    || (onRoundPanel && a.status !== ApplicationStatus.DRAFT),
  where: (v: Viewer, alias: string, panelRounds: string[]): SqlCondition | null => (isAdmin(v) ? null : {
    condition: `(${alias}.organisation_id = ANY(:mine) OR ${partneredBy(`${alias}.id`, ":mine", false)}`
      + ` OR (${alias}.status <> :draft AND ${alias}.round_id = ANY(:panelRounds)))`,
    params: { mine: [...v.memberships.keys()], draft: ApplicationStatus.DRAFT, panelRounds },
  }),
};

/** Per object: whether the viewer sits on the peer panel of this round (through the request's loaders). */
export async function onRoundPanel(ctx: Context, roundId: string | null): Promise<boolean> {
  if (!roundId || !ctx.viewer.userId) return false;
  const round = await ctx.loaders.roundById.load(roundId);
  if (!round) return false;
  return (await ctx.loaders.panelSeats.load(round.panelId)).some((s) => s.userId === ctx.viewer.userId);
}

/** For lists: the rounds whose peer panel the user sits on (the same fact for every round at once). */
export async function roundsOnPanelsOf(db: DataSource, userId: string | null): Promise<string[]> {
  if (!userId) return [];
  const panels = await clustersApi.panelsOf(db, userId);
  if (!panels.length) return [];
  const rounds: { id: string }[] = await db.query("SELECT id FROM fund_round WHERE panel_id = ANY($1)", [panels]);
  return rounds.map((r) => r.id);
}

/** The application, or null when the viewer may not see it. */
export async function visibleApplication(ctx: Context, application: FundingApplication | null): Promise<FundingApplication | null> {
  if (!application) return null;
  const partnerIds = (await ctx.loaders.partnersByApplication.load(application.id)).map((p) => p.organisationId);
  return applicationAccess.allows(ctx.viewer, application, await onRoundPanel(ctx, application.roundId), partnerIds) ? application : null;
}

/** The agreement, or null when the viewer may not see it (its partners are read only when its lead is not the viewer's). */
export async function visibleAgreement(ctx: Context, agreement: Agreement | null): Promise<Agreement | null> {
  if (!agreement) return null;
  if (agreementAccess.allows(ctx.viewer, agreement.organisationId)) return agreement;
  const partners = await ctx.loaders.partnersByApplication.load(agreement.applicationId);
  const consenting = partners.filter((p) => p.consent === PartnerConsent.CONSENTED).map((p) => p.organisationId);
  return agreementAccess.allows(ctx.viewer, agreement.organisationId, consenting) ? agreement : null;
}
