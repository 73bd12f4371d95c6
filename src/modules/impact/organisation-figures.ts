// Impact's own part of the region summary: socially trading organisations registered in the places, those assessed
// eligible, and those in a cluster now. Read through the register's and clusters' published SQL, never their tables.
import type { DataSource } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { sql } from "../../graphql/sql";
import { organisationsApi } from "../organisations/organisations.api";
import { clustersApi } from "../clusters/clusters.api";
import type { RegionFigureSource } from "./impact.api";

@ObjectType({ description: "Organisations registered in the places (not archived), as the register and clusters have them today." })
export class OrganisationRegionFigures {
  @Field(() => Int) registered: number;
  @Field(() => Int, { description: "Whose latest assessment found them a socially trading organisation." }) eligible: number;
  @Field(() => Int, { description: "In at least one cluster now." }) inClusters: number;
}

export const organisationRegionFigures: RegionFigureSource = {
  name: "organisations",
  field: Field(() => OrganisationRegionFigures),
  async figures(db: DataSource, placeIds: string[]) {
    const { text, values } = sql`
      SELECT count(*)::int AS registered, count(*) FILTER (WHERE o.sto_status = 'ELIGIBLE')::int AS eligible,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM (${clustersApi.currentMembershipsSql()}) m WHERE m.organisation_id = o.id))::int AS in_clusters
        FROM (${organisationsApi.rowsSql(db)}) o
       WHERE o.archived_at IS NULL AND o.registered_place_id = ANY(${placeIds}::uuid[])`.toQuery();
    const [row] = await db.query(text, values);
    return Object.assign(new OrganisationRegionFigures(), { registered: row.registered, eligible: row.eligible, inClusters: row.in_clusters });
  },
};
