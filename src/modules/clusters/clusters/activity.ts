// A cluster's activity over a period: members, gatherings and attendance, and exchanges with hours given.
import DataLoader from "dataloader";
import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { badInput } from "../../../graphql/errors";
import { DateScalar } from "../../../graphql/scalars";

@ObjectType({ description: "What happened in a cluster between two days (both included, UK days)." })
export class ClusterActivity {
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => Int, { description: "Member organisations now (whatever the period)." }) membersNow: number;
  @Field(() => Int, { description: "Organisations that were members on at least one day of the period." }) membersInPeriod: number;
  @Field(() => Int, { description: "Membership periods that began in the period (joining and rejoining)." }) joined: number;
  @Field(() => Int, { description: "Membership periods that ended in the period." }) left: number;
  @Field(() => Int) gatherings: number;
  @Field(() => Int, { description: "Organisations attending, summed over the gatherings." }) attendances: number;
  @Field(() => Int, { description: "People attending, summed over the gatherings." }) peopleAttending: number;
  @Field(() => Int, { description: "Exchanges completed in the period between two organisations both members that day." }) exchanges: number;
  @Field(() => Int) hoursGiven: number;
}

/**
 * Membership periods are [joined_on, left_on): a member on day d joined on or before d and had not left by d.
 * Gatherings count by their start in UK time. An exchange counts in every cluster both organisations were in
 * on the day it was completed.
 */
const ACTIVITY_SQL = `
  WITH b AS (SELECT $2::date AS from_day, $3::date AS to_day,
                    ($2::date)::timestamp AT TIME ZONE 'Europe/London' AS from_at,
                    ($3::date + 1)::timestamp AT TIME ZONE 'Europe/London' AS to_at)
  SELECT c.id::text AS cluster_id,
    (SELECT count(*) FROM cluster_membership m WHERE m.cluster_id = c.id AND m.left_on IS NULL)::int AS members_now,
    (SELECT count(DISTINCT m.organisation_id) FROM cluster_membership m
      WHERE m.cluster_id = c.id AND m.joined_on <= b.to_day AND (m.left_on IS NULL OR m.left_on > b.from_day))::int AS members_in_period,
    (SELECT count(*) FROM cluster_membership m WHERE m.cluster_id = c.id AND m.joined_on BETWEEN b.from_day AND b.to_day)::int AS joined,
    (SELECT count(*) FROM cluster_membership m WHERE m.cluster_id = c.id AND m.left_on BETWEEN b.from_day AND b.to_day)::int AS left,
    g.gatherings, g.attendances, g.people, x.exchanges, x.hours
  FROM unnest($1::uuid[]) AS c(id) CROSS JOIN b
  CROSS JOIN LATERAL (
    SELECT count(DISTINCT g.id)::int AS gatherings, count(a.organisation_id)::int AS attendances, coalesce(sum(a.people), 0)::int AS people
      FROM gathering g LEFT JOIN gathering_attendance a ON a.gathering_id = g.id
     WHERE g.cluster_id = c.id AND g.starts_at >= b.from_at AND g.starts_at < b.to_at) g
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS exchanges, coalesce(sum(e.hours_given), 0)::int AS hours
      FROM cluster_membership mg
      JOIN peer_exchange e ON e.giver_id = mg.organisation_id AND e.status = 'COMPLETED'
       AND e.completed_on >= mg.joined_on AND (mg.left_on IS NULL OR e.completed_on < mg.left_on)
     WHERE mg.cluster_id = c.id AND e.completed_on BETWEEN b.from_day AND b.to_day
       AND EXISTS (SELECT 1 FROM cluster_membership mr WHERE mr.cluster_id = c.id AND mr.organisation_id = e.receiver_id
                     AND mr.joined_on <= e.completed_on AND (mr.left_on IS NULL OR mr.left_on > e.completed_on))) x`;

interface ActivityRow {
  cluster_id: string; members_now: number; members_in_period: number; joined: number; left: number;
  gatherings: number; attendances: number; people: number; exchanges: number; hours: number;
}

/** Activity of many clusters for one period in one statement. */
export async function clusterActivity(db: DataSource, clusterIds: readonly string[], from: string, to: string): Promise<ClusterActivity[]> {
  const rows: ActivityRow[] = await db.query(ACTIVITY_SQL, [clusterIds, from, to]);
  const byId = new Map(rows.map((r) => [r.cluster_id, r]));
  return clusterIds.map((id) => {
    const r = byId.get(id)!;
    return Object.assign(new ClusterActivity(), {
      from, to, membersNow: r.members_now, membersInPeriod: r.members_in_period, joined: r.joined, left: r.left,
      gatherings: r.gatherings, attendances: r.attendances, peopleAttending: r.people, exchanges: r.exchanges, hoursGiven: r.hours,
    });
  });
}

export interface ActivityLoader {
  load(clusterId: string, from: string, to: string): Promise<ClusterActivity>;
}

/** Batches activity by period: clusters asked about the same period share one statement. */
export function activityLoader(db: DataSource): ActivityLoader {
  const byPeriod = new Map<string, DataLoader<string, ClusterActivity>>();
  return {
    load(clusterId, from, to) {
      if (from > to) return Promise.reject(badInput("activity: from must be on or before to."));
      const key = `${from}/${to}`;
      let loader = byPeriod.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => clusterActivity(db, ids, from, to));
        byPeriod.set(key, loader);
      }
      return loader.load(clusterId);
    },
  };
}
