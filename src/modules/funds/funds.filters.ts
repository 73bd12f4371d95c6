// The filters the applications and agreements lists share: when changed, fund, round, organisation (lead or partner), status and place.
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { organisationsApi } from "../organisations/organisations.api";
import type { AgreementFilter } from "./agreements/agreements.inputs";
import type { ApplicationFilter } from "./applications/applications.inputs";
import { whereAnyOf } from "../../kit/list-filters";
import { partneredBy } from "./access";

/**
 * `list` says which list the alias is: an organisation filter matches the lead and, for applications, any partner
 * invited; for agreements, the consenting partners (the same organisations whose members read them).
 */
export async function applyFilter<T extends ObjectLiteral>(
  db: DataSource, qb: SelectQueryBuilder<T>, alias: string, f: AgreementFilter | ApplicationFilter, list: "applications" | "agreements",
): Promise<void> {
  if (f.updatedSince) qb.andWhere(`${alias}.updated_at >= :since`, { since: f.updatedSince });
  if (f.fund) qb.andWhere(`${alias}.fund_id = :fund`, { fund: f.fund });
  if (f.round) qb.andWhere(`${alias}.round_id = :round`, { round: f.round });
  if (f.organisation) {
    const partnered = list === "applications" ? partneredBy(`${alias}.id`, ":organisations", false) : partneredBy(`${alias}.application_id`, ":organisations", true);
    qb.andWhere(`(${alias}.organisation_id = :organisation OR ${partnered})`, { organisation: f.organisation, organisations: [f.organisation] });
  }
  whereAnyOf(qb, f.status, `${alias}.status = ANY(:status)`, { status: f.status });
  if (f.place) qb.andWhere(organisationsApi.inPlacesCondition(`${alias}.organisation_id`, "places"), { places: [f.place] });
}
