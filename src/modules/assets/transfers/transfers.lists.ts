// The transfer cases list: keyset pages by start day or last change, limited to the cases the viewer may read, filtered
// by the asset's place (child places included), stage, receiving organisation, asset and day ranges.
import type { DataSource } from "typeorm";
import type { Viewer } from "../../../auth/viewer";
import { ConnectionResult, FoldingRead, OrderDirection, Ordering, PageArgs, paginate } from "../../../graphql/connection";
import { placesApi } from "../../places/places.api";
import { transferAccess } from "../access";
import { AssetTransfer } from "./transfer.entity";
import { AssetTransferFilter, AssetTransferOrder, AssetTransferOrderField } from "./transfers.inputs";
import { whereAnyOf } from "../../../kit/list-filters";

export async function listTransfers(
  db: DataSource, viewer: Viewer, args: PageArgs, filter: AssetTransferFilter = {}, order?: AssetTransferOrder | null, read?: FoldingRead,
): Promise<ConnectionResult<AssetTransfer>> {
  const qb = db.getRepository(AssetTransfer).createQueryBuilder("t");
  const { text, params } = transferAccess.condition(viewer, "t").toNamed("access");
  qb.andWhere(text, params);
  whereAnyOf(qb, filter.placeIds, `EXISTS (SELECT 1 FROM asset a WHERE a.id = t.asset_id AND a.place_id = ${placesApi.withinAny("places")})`,
    { places: filter.placeIds });
  whereAnyOf(qb, filter.stages, "t.stage = ANY(:stages)", { stages: filter.stages });
  whereAnyOf(qb, filter.toOrganisationIds, "t.to_organisation_id = ANY(:toOrganisations)", { toOrganisations: filter.toOrganisationIds });
  whereAnyOf(qb, filter.assetIds, "t.asset_id = ANY(:assets)", { assets: filter.assetIds });
  const days: [keyof AssetTransferFilter, string, string][] = [
    ["startedFrom", "t.started_on >=", "startedFrom"], ["startedTo", "t.started_on <=", "startedTo"],
    ["completedFrom", "t.completed_on >=", "completedFrom"], ["completedTo", "t.completed_on <=", "completedTo"],
  ];
  for (const [key, condition, param] of days) if (filter[key]) qb.andWhere(`${condition} :${param}`, { [param]: filter[key] });
  const field = order?.field ?? AssetTransferOrderField.STARTED_ON;
  const ordering: Ordering = {
    name: field,
    keys: field === AssetTransferOrderField.STARTED_ON ? ["t.started_on", "t.id"] : ["t.updated_at", "t.id"],
    direction: order?.direction ?? OrderDirection.ASC,
  };
  return paginate(qb, ordering, args, read);
}
