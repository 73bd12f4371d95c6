// The read side of peer support: each cluster's open offers or needs, newest first, paged for many clusters at once.
import type { DataSource } from "typeorm";
import { Ordering, PageArgs, paginateByParent } from "../../../graphql/connection";
import { pageLoader, rowsToEntities } from "../../../graphql/loaders";
import { PeerPostKind, PeerPostStatus } from "../cluster.enums";
import { PeerPost } from "./peer-post.entity";

const NEWEST_POST_FIRST: Ordering = { name: "CREATED_AT", keys: ["created_at", "id"], direction: "DESC" };

export function peerSupportPages(db: DataSource) {
  const toPost = rowsToEntities(db, PeerPost);
  return {
    /** Open offers (or needs) of each cluster's current member organisations, newest first. */
    openPostsOfCluster: pageLoader<PeerPost, PageArgs & { kind: PeerPostKind }>((keys, args) => paginateByParent({
      db, ordering: NEWEST_POST_FIRST, map: toPost, params: [args.kind, PeerPostStatus.OPEN],
      from: `SELECT p.*, cm.cluster_id AS __parent FROM peer_post p
               JOIN cluster_membership cm ON cm.organisation_id = p.organisation_id AND cm.left_on IS NULL
              WHERE p.kind = $1 AND p.status = $2`,
    }, keys, args)),
  };
}
