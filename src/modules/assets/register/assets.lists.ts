// The assets list: keyset pages by name or last change, filtered by place (child places included), kind, holder,
// tenure, community hands, listing on a day and the day of transfer.
import type { DataSource } from "typeorm";
import type { Viewer } from "../../../auth/viewer";
import { ConnectionResult, FoldingRead, OrderDirection, Ordering, PageArgs, paginate } from "../../../graphql/connection";
import { placesApi } from "../../places/places.api";
import { assetAccess } from "../access";
import { AcvListingStatus } from "../assets.enums";
import { Asset } from "./asset.entity";
import { AssetFilter, AssetOrder, AssetOrderField } from "./register.inputs";
import { whereAnyOf } from "../../../kit/list-filters";

export async function listAssets(
  db: DataSource, viewer: Viewer, args: PageArgs, filter: AssetFilter = {}, order?: AssetOrder | null, read?: FoldingRead,
): Promise<ConnectionResult<Asset>> {
  const qb = db.getRepository(Asset).createQueryBuilder("a");
  if (!assetAccess.readsRegister(viewer)) qb.andWhere("false");
  whereAnyOf(qb, filter.placeIds, `a.place_id = ${placesApi.withinAny("places")}`, { places: filter.placeIds });
  whereAnyOf(qb, filter.kinds, "a.kind = ANY(:kinds)", { kinds: filter.kinds });
  whereAnyOf(qb, filter.holderIds, "a.community_holder_id = ANY(:holders)", { holders: filter.holderIds });
  whereAnyOf(qb, filter.tenures, "a.tenure = ANY(:tenures)", { tenures: filter.tenures });
  if (filter.communityHeld === true) qb.andWhere("a.community_holder_id IS NOT NULL");
  if (filter.communityHeld === false) qb.andWhere("a.community_holder_id IS NULL");
  if (filter.transferredFrom) qb.andWhere("a.transferred_on >= :transferredFrom", { transferredFrom: filter.transferredFrom });
  if (filter.transferredTo) qb.andWhere("a.transferred_on <= :transferredTo", { transferredTo: filter.transferredTo });
  if (filter.acvListedOn) {
    qb.andWhere(`EXISTS (SELECT 1 FROM acv_listing l WHERE l.asset_id = a.id AND l.status = :listed
      AND l.listed_on <= :listedOn AND l.expires_on >= :listedOn)`, { listed: AcvListingStatus.LISTED, listedOn: filter.acvListedOn });
  }
  const field = order?.field ?? AssetOrderField.NAME;
  const ordering: Ordering = {
    name: field,
    keys: field === AssetOrderField.NAME ? ["lower(a.name)", "a.id"] : ["a.updated_at", "a.id"],
    direction: order?.direction ?? OrderDirection.ASC,
  };
  return paginate(qb, ordering, args, read);
}
