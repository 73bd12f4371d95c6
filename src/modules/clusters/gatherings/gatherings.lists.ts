// The read side of gatherings: each cluster's gatherings, newest first, paged for many clusters in one statement.
import type { DataSource } from "typeorm";
import { Ordering, paginateByParent } from "../../../graphql/connection";
import { pageLoader, rowsToEntities } from "../../../graphql/loaders";
import { Gathering } from "./gathering.entity";

const NEWEST_GATHERING_FIRST: Ordering = { name: "STARTS_AT", keys: ["starts_at", "id"], direction: "DESC" };

export function gatheringPages(db: DataSource) {
  const toGathering = rowsToEntities(db, Gathering);
  return {
    /** Each cluster's gatherings, newest first. */
    gatheringsOfCluster: pageLoader<Gathering>((keys, args) => paginateByParent({
      db, ordering: NEWEST_GATHERING_FIRST, map: toGathering,
      from: "SELECT g.*, g.cluster_id AS __parent FROM gathering g",
    }, keys, args)),
  };
}
