// The relations of clusters, memberships and gatherings (and Organisation.clusters), declared once for folded reads
// and batched loads. Organisations come through organisationsApi, never from the register's tables.
import { rowShape } from "../../graphql/rows";
import { relationsOf } from "../../graphql/relations";
import { Sql, sql } from "../../graphql/sql";
import { Ordering } from "../../graphql/connection";
import { Place } from "../places/place.entity";
import { organisationsApi } from "../organisations/organisations.api";
import { Organisation } from "../organisations/organisation.entity";
import type { Context } from "../../graphql/context";
import { clusterAccess } from "./access";
import { ClusterRole, PeerPostKind, PeerPostStatus } from "./cluster.enums";
import { PeerPost } from "./peer-support/peer-post.entity";
import { Cluster } from "./clusters/cluster.entity";
import { ClusterMembership } from "./clusters/cluster-membership.entity";
import { Gathering } from "./gatherings/gathering.entity";

type Db = Parameters<typeof rowShape>[0];
const columns = (db: Db, entity: abstract new () => object, alias: string) => rowShape(db, entity).select(alias);
const place = (parentKey: { column: string; property: string }) => ({
  kind: "one" as const, target: () => Place, parentKey,
  from: (ctx: { app: { db: Db } }) => Sql.raw(`SELECT ${columns(ctx.app.db, Place, "p")}, p.id AS __parent FROM place p`),
});
const cluster = {
  kind: "one" as const, target: () => Cluster, parentKey: { column: "cluster_id", property: "clusterId" },
  from: (ctx: { app: { db: Db } }) => Sql.raw(`SELECT ${columns(ctx.app.db, Cluster, "c")}, c.id AS __parent FROM cluster c`),
};

const BY_NAME: Ordering = { name: "NAME", keys: ["sort_name", "id"], direction: "ASC" };
const BY_JOINED: Ordering = { name: "JOINED_ON", keys: ["joined_on", "id"], direction: "ASC" };
const NEWEST_GATHERING_FIRST: Ordering = { name: "STARTS_AT", keys: ["starts_at", "id"], direction: "DESC" };
const NEWEST_POST_FIRST: Ordering = { name: "CREATED_AT", keys: ["created_at", "id"], direction: "DESC" };

/** Open offers (or needs) of a cluster's current member organisations, newest first: for signed-in viewers only. */
const openPosts = (kind: PeerPostKind) => ({
  kind: "page" as const, target: () => PeerPost, ordering: NEWEST_POST_FIRST,
  visible: (ctx: Context) => clusterAccess.seePeerSupport(ctx.viewer),
  from: () => sql`SELECT p.*, cm.cluster_id AS __parent FROM peer_post p
    JOIN cluster_membership cm ON cm.organisation_id = p.organisation_id AND cm.left_on IS NULL
    WHERE p.kind = ${kind} AND p.status = ${PeerPostStatus.OPEN}`,
});

export const organisationClusterRelations = relationsOf("Organisation", {
  clusters: {
    kind: "page", target: () => Cluster, ordering: BY_NAME,
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, Cluster, "c")}, lower(c.name) AS sort_name, cm.organisation_id AS __parent
      FROM cluster c JOIN cluster_membership cm ON cm.cluster_id = c.id AND cm.left_on IS NULL`),
  },
  clusterMemberships: {
    kind: "many", target: () => ClusterMembership, orderBy: ["joined_on", "id"],
    from: () => Sql.raw("SELECT cm.*, cm.organisation_id AS __parent FROM cluster_membership cm"),
  },
});

export const clusterRelations = relationsOf("Cluster", {
  place: place({ column: "place_id", property: "placeId" }),
  facilitators: {
    kind: "many", target: () => Organisation, orderBy: ["joined_on", "id"],
    from: (ctx) => sql`SELECT o.*, cm.joined_on, cm.cluster_id AS __parent FROM cluster_membership cm
      JOIN (${organisationsApi.rowsSql(ctx.app.db)}) o ON o.id = cm.organisation_id
      WHERE cm.left_on IS NULL AND cm.role = ${ClusterRole.FACILITATOR}`,
  },
  members: {
    kind: "page", target: () => ClusterMembership, ordering: BY_JOINED,
    from: (_ctx, args) => Sql.raw(`SELECT cm.*, cm.cluster_id AS __parent FROM cluster_membership cm
      ${args.includePast ? "" : "WHERE cm.left_on IS NULL"}`),
  },
  gatherings: {
    kind: "page", target: () => Gathering, ordering: NEWEST_GATHERING_FIRST,
    from: () => Sql.raw("SELECT g.*, g.cluster_id AS __parent FROM gathering g"),
  },
  offers: openPosts(PeerPostKind.OFFER),
  needs: openPosts(PeerPostKind.NEED),
});

export const membershipRelations = relationsOf("ClusterMembership", {
  cluster,
  organisation: organisationsApi.asRelation({ column: "organisation_id", property: "organisationId" }),
});

export const gatheringRelations = relationsOf("Gathering", { cluster, place: place({ column: "place_id", property: "placeId" }) });
