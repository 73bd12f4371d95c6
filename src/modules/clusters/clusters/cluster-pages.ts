// Nested connections of clusters, each paged for many parents in one statement (see paginateByParent).
import { ArgsType, Field } from "type-graphql";
import type { DataSource } from "typeorm";
import { Ordering, PageArgs, paginateByParent } from "../../../graphql/connection";
import { pageLoader, rowsToEntities } from "../../../graphql/loaders";
import { PeerPostKind, PeerPostStatus } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { Gathering } from "../gatherings/gathering.entity";
import { PeerPost } from "../peer-support/peer-post.entity";

@ArgsType()
export class ClusterMembersArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: "Include ended periods (the membership history); default false." })
  includePast?: boolean | null;
}

const BY_NAME: Ordering = { name: "NAME", keys: ["sort_name", "id"], direction: "ASC" };
const BY_JOINED: Ordering = { name: "JOINED_ON", keys: ["joined_on", "id"], direction: "ASC" };
const NEWEST_GATHERING_FIRST: Ordering = { name: "STARTS_AT", keys: ["starts_at", "id"], direction: "DESC" };
const NEWEST_POST_FIRST: Ordering = { name: "CREATED_AT", keys: ["created_at", "id"], direction: "DESC" };

export function clusterPages(db: DataSource) {
  const toCluster = rowsToEntities(db, Cluster);
  const toMembership = rowsToEntities(db, ClusterMembership);
  const toGathering = rowsToEntities(db, Gathering);
  const toPost = rowsToEntities(db, PeerPost);
  return {
    /** The clusters each organisation is currently a member of, by name. */
    clustersOfOrganisation: pageLoader<Cluster>((keys, args) => paginateByParent({
      db, ordering: BY_NAME, map: toCluster,
      from: `SELECT c.*, lower(c.name) AS sort_name, cm.organisation_id AS __parent
               FROM cluster c JOIN cluster_membership cm ON cm.cluster_id = c.id AND cm.left_on IS NULL`,
    }, keys, args)),
    /** Each cluster's membership periods, earliest joined first; current ones only unless includePast. */
    membersOfCluster: pageLoader<ClusterMembership, ClusterMembersArgs>((keys, args) => paginateByParent({
      db, ordering: BY_JOINED, map: toMembership,
      from: `SELECT cm.*, cm.cluster_id AS __parent FROM cluster_membership cm ${args.includePast ? "" : "WHERE cm.left_on IS NULL"}`,
    }, keys, args)),
    /** Each cluster's gatherings, newest first. */
    gatheringsOfCluster: pageLoader<Gathering>((keys, args) => paginateByParent({
      db, ordering: NEWEST_GATHERING_FIRST, map: toGathering,
      from: "SELECT g.*, g.cluster_id AS __parent FROM gathering g",
    }, keys, args)),
    /** Open offers (or needs) of each cluster's current member organisations, newest first. */
    openPostsOfCluster: pageLoader<PeerPost, PageArgs & { kind: PeerPostKind }>((keys, args) => paginateByParent({
      db, ordering: NEWEST_POST_FIRST, map: toPost, params: [args.kind, PeerPostStatus.OPEN],
      from: `SELECT p.*, cm.cluster_id AS __parent FROM peer_post p
               JOIN cluster_membership cm ON cm.organisation_id = p.organisation_id AND cm.left_on IS NULL
              WHERE p.kind = $1 AND p.status = $2`,
    }, keys, args)),
  };
}

export type ClusterPages = ReturnType<typeof clusterPages>;
