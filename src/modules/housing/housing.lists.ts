// The housing schemes list: keyset pages by name or last change, filtered by place (child places included), stage,
// lead, partner, whether there is one, and the days homes were completed.
import type { DataSource } from "typeorm";
import { ConnectionResult, FoldingRead, OrderDirection, Ordering, PageArgs, paginate } from "../../graphql/connection";
import { placesApi } from "../places/places.api";
import { HousingScheme } from "./scheme.entity";
import { HousingSchemeFilter, HousingSchemeOrder, HousingSchemeOrderField } from "./housing.inputs";
import { whereAnyOf } from "../../kit/list-filters";

export async function listSchemes(
  db: DataSource, args: PageArgs, filter: HousingSchemeFilter = {}, order?: HousingSchemeOrder | null, read?: FoldingRead,
): Promise<ConnectionResult<HousingScheme>> {
  const qb = db.getRepository(HousingScheme).createQueryBuilder("s");
  whereAnyOf(qb, filter.placeIds, `s.place_id = ${placesApi.withinAny("places")}`, { places: filter.placeIds });
  whereAnyOf(qb, filter.stages, "s.stage = ANY(:stages)", { stages: filter.stages });
  whereAnyOf(qb, filter.leadOrganisationIds, "s.lead_organisation_id = ANY(:leads)", { leads: filter.leadOrganisationIds });
  whereAnyOf(qb, filter.partnerOrganisationIds, "s.partner_organisation_id = ANY(:partners)", { partners: filter.partnerOrganisationIds });
  if (filter.hasPartner === true) qb.andWhere("s.partner_organisation_id IS NOT NULL");
  if (filter.hasPartner === false) qb.andWhere("s.partner_organisation_id IS NULL");
  if (filter.homesCompletedFrom || filter.homesCompletedTo) {
    qb.andWhere(`EXISTS (SELECT 1 FROM housing_completion c WHERE c.scheme_id = s.id
      AND c.completed_on >= coalesce(CAST(:from AS date), '-infinity') AND c.completed_on <= coalesce(CAST(:to AS date), 'infinity'))`,
    { from: filter.homesCompletedFrom ?? null, to: filter.homesCompletedTo ?? null });
  }
  const field = order?.field ?? HousingSchemeOrderField.NAME;
  const ordering: Ordering = {
    name: field,
    keys: field === HousingSchemeOrderField.NAME ? ["lower(s.name)", "s.id"] : ["s.updated_at", "s.id"],
    direction: order?.direction ?? OrderDirection.ASC,
  };
  return paginate(qb, ordering, args, read);
}
