// The decision processes list: keyset pages, latest opening first, filtered by kind, status, effect, area (places
// inside included) and organiser.
import type { DataSource } from "typeorm";
import { ConnectionResult, FoldingRead, PageArgs, paginate } from "../../graphql/connection";
import { placesApi } from "../places/places.api";
import { DecisionProcess } from "./process.entity";
import type { DecisionProcessFilter } from "./decisions.inputs";

export function listProcesses(db: DataSource, args: PageArgs, filter: DecisionProcessFilter = {}, read?: FoldingRead): Promise<ConnectionResult<DecisionProcess>> {
  const qb = db.getRepository(DecisionProcess).createQueryBuilder("d");
  if (filter.kinds?.length) qb.andWhere("d.kind = ANY(:kinds)", { kinds: filter.kinds });
  if (filter.statuses?.length) qb.andWhere("d.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.effect) qb.andWhere("d.effect = :effect", { effect: filter.effect });
  if (filter.placeIds?.length) qb.andWhere(`d.area_place_id = ${placesApi.withinAny("places")}`, { places: filter.placeIds });
  if (filter.organiserOrganisationIds?.length) qb.andWhere("d.organiser_organisation_id = ANY(:organisers)", { organisers: filter.organiserOrganisationIds });
  return paginate(qb, { name: "OPENS_AT", keys: ["d.opens_at", "d.id"], direction: "DESC" }, args, read);
}
