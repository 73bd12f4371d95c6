// The fund's lists: funds, applications and agreements, keyset-paged, filtered and limited to what the viewer may
// see; and agreements nested under many funds or organisations in one statement.
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { isAdmin, Viewer } from "../../auth/viewer";
import { ConnectionResult, OrderDirection, Ordering, PageArgs, paginate, paginateByParent } from "../../graphql/connection";
import { rowsToEntities } from "../../graphql/loaders";
import { clustersApi } from "../clusters/clusters.api";
import { organisationsApi } from "../organisations/organisations.api";
import { fundAccess } from "./access";
import { Fund } from "./rounds/fund.entity";
import { Agreement } from "./agreements/agreement.entity";
import { FundingApplication } from "./applications/application.entity";
import { ApplicationStatus } from "./funds.enums";
import { AgreementFilter, AgreementOrder, AgreementOrderField, ApplicationFilter } from "./lists.inputs";

const FUNDS_BY_NAME: Ordering = { name: "NAME", keys: ["lower(f.name)", "f.id"], direction: "ASC" };
const NEWEST_AWARD_FIRST: Ordering = { name: "AWARDED_ON", keys: ["awarded_on", "id"], direction: "DESC" };

export function listFunds(db: DataSource, args: PageArgs): Promise<ConnectionResult<Fund>> {
  return paginate(db.getRepository(Fund).createQueryBuilder("f"), FUNDS_BY_NAME, args);
}

/** The filters applications and agreements share: when changed, fund, round, organisation and place. */
async function applyFilter<T extends ObjectLiteral>(db: DataSource, qb: SelectQueryBuilder<T>, alias: string, f: AgreementFilter | ApplicationFilter): Promise<void> {
  if (f.updatedSince) qb.andWhere(`${alias}.updated_at >= :since`, { since: f.updatedSince });
  if (f.fund) qb.andWhere(`${alias}.fund_id = :fund`, { fund: f.fund });
  if (f.round) qb.andWhere(`${alias}.round_id = :round`, { round: f.round });
  if (f.organisation) qb.andWhere(`${alias}.organisation_id = :organisation`, { organisation: f.organisation });
  if (f.status?.length) qb.andWhere(`${alias}.status = ANY(:status)`, { status: f.status });
  if (f.place) {
    const places = await organisationsApi.placesWithin(db, [f.place]);
    qb.andWhere(organisationsApi.inPlacesCondition(`${alias}.organisation_id`, "places"), { places });
  }
}

/** The organisations whose agreements the viewer may read, or null for every agreement. */
export function agreementScope(viewer: Viewer): string[] | null {
  return fundAccess.readAllAgreements(viewer) ? null : [...viewer.memberships.keys()];
}

export async function listAgreements(db: DataSource, viewer: Viewer, args: PageArgs, filter: AgreementFilter, order?: AgreementOrder | null): Promise<ConnectionResult<Agreement>> {
  const qb = db.getRepository(Agreement).createQueryBuilder("a");
  const scope = agreementScope(viewer);
  if (scope) qb.andWhere("a.organisation_id = ANY(:scope)", { scope });
  await applyFilter(db, qb, "a", filter);
  const field = order?.field ?? AgreementOrderField.UPDATED_AT;
  const ordering: Ordering = {
    name: field,
    keys: field === AgreementOrderField.UPDATED_AT ? ["a.updated_at", "a.id"] : ["a.awarded_on", "a.id"],
    direction: order?.direction ?? OrderDirection.ASC,
  };
  return paginate(qb, ordering, args);
}

/** Rounds whose peer panel the user sits on: their panel sees the rounds' submitted applications. */
export async function roundsOnPanelsOf(db: DataSource, userId: string | null): Promise<string[]> {
  if (!userId) return [];
  const panels = await clustersApi.panelsOf(db, userId);
  if (!panels.length) return [];
  const rounds: { id: string }[] = await db.query("SELECT id FROM fund_round WHERE panel_id = ANY($1)", [panels]);
  return rounds.map((r) => r.id);
}

export async function listApplications(db: DataSource, viewer: Viewer, args: PageArgs, filter: ApplicationFilter): Promise<ConnectionResult<FundingApplication>> {
  const qb = db.getRepository(FundingApplication).createQueryBuilder("p");
  if (!isAdmin(viewer)) {
    qb.andWhere("(p.organisation_id = ANY(:mine) OR (p.status <> :draft AND p.round_id = ANY(:panelRounds)))", {
      mine: [...viewer.memberships.keys()], draft: ApplicationStatus.DRAFT, panelRounds: await roundsOnPanelsOf(db, viewer.userId),
    });
  }
  await applyFilter(db, qb, "p", filter);
  return paginate(qb, { name: "UPDATED_AT", keys: ["p.updated_at", "p.id"], direction: "ASC" }, args);
}

/** Page arguments of a nested agreements list, with the organisations the viewer may see (null for all). */
export interface ScopedPageArgs extends PageArgs {
  scope: string[] | null;
}

/** Newest awards first under each of many funds or organisations, limited to the viewer's scope, in one statement. */
export function agreementPages(db: DataSource, parent: "fund_id" | "organisation_id") {
  const toAgreement = rowsToEntities(db, Agreement);
  return (parentKeys: readonly string[], { scope, ...args }: ScopedPageArgs): Promise<ConnectionResult<Agreement>[]> => paginateByParent({
    db,
    from: `SELECT a.*, a.${parent} AS __parent FROM agreement a${scope ? " WHERE a.organisation_id = ANY($1)" : ""}`,
    params: scope ? [scope] : [],
    ordering: NEWEST_AWARD_FIRST,
    map: toAgreement,
  }, parentKeys, args);
}
