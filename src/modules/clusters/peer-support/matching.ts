// Matching: open offers from other organisations that meet an organisation's open needs, best first.
import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import type { Viewer } from "../../../auth/viewer";
import { badInput, forbidden } from "../../../graphql/errors";
import { organisationsApi } from "../../organisations/organisations.api";
import { clusterAccess } from "../access";
import { PeerPostKind, PeerPostStatus } from "../cluster.enums";

@ObjectType({ description: "An open offer that meets one of the organisation's open needs." })
export class PeerMatch {
  @Field(() => Int, { description: "1 is the best match." }) rank: number;
  @Field({ description: "True when the offering organisation shares a cluster with yours now." }) inSharedCluster: boolean;
  needId: string;
  offerId: string;
  offeringOrganisationId: string;
  sharedClusterIds: string[];
}

export const MAX_MATCHES = 100;

/**
 * Ranking: offers from organisations in the same clusters come first (more shared clusters higher), then the rest
 * of the region; within each, an organisation meeting more of the needs ranks higher, then the newer offer.
 * An organisation is never proposed to itself, nor an archived one.
 */
const MATCH_SQL = `
  WITH needs AS (SELECT id, skill FROM peer_post WHERE organisation_id = $1 AND kind = $3 AND status = $5),
       mine AS (SELECT cluster_id FROM cluster_membership WHERE organisation_id = $1 AND left_on IS NULL)
  SELECT * FROM (
    SELECT n.id::text AS need_id, o.id::text AS offer_id, o.organisation_id::text AS organisation_id, o.created_at,
           ARRAY(SELECT cm.cluster_id::text FROM cluster_membership cm
                  WHERE cm.organisation_id = o.organisation_id AND cm.left_on IS NULL AND cm.cluster_id IN (SELECT cluster_id FROM mine)
                  ORDER BY cm.cluster_id) AS shared,
           (SELECT count(DISTINCT o2.skill) FROM peer_post o2
             WHERE o2.organisation_id = o.organisation_id AND o2.kind = $4 AND o2.status = $5
               AND o2.skill IN (SELECT skill FROM needs))::int AS needs_met
      FROM needs n
      JOIN peer_post o ON o.kind = $4 AND o.status = $5 AND o.skill = n.skill AND o.organisation_id <> $1
     WHERE ${organisationsApi.notArchivedCondition("o.organisation_id")}
  ) m
  ORDER BY cardinality(shared) > 0 DESC, cardinality(shared) DESC, needs_met DESC, created_at DESC, offer_id, need_id
  LIMIT $2`;

export async function matchesFor(db: DataSource, viewer: Viewer, organisationId: string, first: number): Promise<PeerMatch[]> {
  if (!clusterAccess.seeMatches(viewer, organisationId)) throw forbidden("Only the organisation's people and ADMIN see its matches.");
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) throw badInput(`first must be between 1 and ${MAX_MATCHES}.`);
  const rows: { need_id: string; offer_id: string; organisation_id: string; shared: string[] }[] = await db.query(
    MATCH_SQL, [organisationId, first, PeerPostKind.NEED, PeerPostKind.OFFER, PeerPostStatus.OPEN],
  );
  return rows.map((r, i) => Object.assign(new PeerMatch(), {
    rank: i + 1, inSharedCluster: r.shared.length > 0, needId: r.need_id, offerId: r.offer_id,
    offeringOrganisationId: r.organisation_id, sharedClusterIds: r.shared,
  }));
}
