// Listing clusters (filters, search, keyset by name), the clusterIds filter this module adds to `organisations`, and
// the arguments of a cluster's members page.
import { ArgsType, Field } from "type-graphql";
import type { DataSource } from "typeorm";
import { ConnectionResult, Ordering, PageArgs, paginate } from "../../../graphql/connection";
import { IdListField } from "../../../graphql/input-fields";
import { placesApi } from "../../places/places.api";
import type { OrganisationFilterField } from "../../organisations/organisations.api";
import { ClusterStatus } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import type { ClusterFilter } from "./clusters.inputs";
import { whereAnyOf } from "../../../kit/list-filters";

const BY_NAME: Ordering = { name: "NAME", keys: ["lower(c.name)", "c.id"], direction: "ASC" };
/** Must match the expression of cluster_search_idx, or the trigram index is not used. */
const SEARCHED = "(c.name || ' ' || coalesce(c.description, '') || ' ' || coalesce(c.interest, ''))";

export async function listClusters(db: DataSource, args: PageArgs, filter: ClusterFilter = {}): Promise<ConnectionResult<Cluster>> {
  const qb = db.getRepository(Cluster).createQueryBuilder("c");
  const statuses = filter.statuses ?? Object.values(ClusterStatus).filter((s) => s !== ClusterStatus.CLOSED);
  whereAnyOf(qb, statuses, "c.status = ANY(:statuses)", { statuses });
  whereAnyOf(qb, filter.kinds, "c.kind = ANY(:kinds)", { kinds: filter.kinds });
  whereAnyOf(qb, filter.placeIds, `c.place_id = ${placesApi.withinAny("places")}`, { places: filter.placeIds });
  const search = filter.search?.trim();
  if (search) qb.andWhere(`${SEARCHED} ILIKE :like`, { like: `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` });
  if (filter.hasOrganisation) {
    const organisationId = filter.hasOrganisation;
    qb.andWhere(`EXISTS (SELECT 1 FROM cluster_membership cm WHERE cm.cluster_id = c.id AND cm.organisation_id = :organisationId
      AND cm.left_on IS NULL)`, { organisationId });
  }
  return paginate(qb, BY_NAME, args);
}

/** `organisations(filter: { clusterIds })`: organisations currently members of any of the clusters. */
export const clusterIdsFilter: OrganisationFilterField = {
  name: "clusterIds",
  field: IdListField("Cluster", {
    nullable: true, max: 50, description: "Current members of any of these clusters (applied by the clusters module).",
  }),
  apply(qb, clusterIds: string[]) {
    whereAnyOf(qb, clusterIds, `EXISTS (SELECT 1 FROM cluster_membership cm_f WHERE cm_f.organisation_id = o.id AND cm_f.left_on IS NULL
      AND cm_f.cluster_id = ANY(:filterClusterIds))`, { filterClusterIds: clusterIds });
  },
};

@ArgsType()
export class ClusterMembersArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: "Include ended periods (the membership history); default false." })
  includePast?: boolean | null;
}
