// Gatherings of a cluster and who attended: recorded by its facilitators (or ADMIN), only for member organisations.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { inTransaction } from "../../../db/transaction";
import { Gathering, GatheringAttendance } from "./gathering.entity";
import { membersOn } from "../clusters/memberships";
import { checkPlace, lockClusterToManage, managedThrough, requireOpenCluster } from "../clusters/guards";
import type { Cluster } from "../clusters/cluster.entity";
import { refuseAll, Result } from "../../../kit/refusals";
import { allowedFirst, lockRecord } from "../../../kit/records";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";

export type GatheringResult = Result<{ gathering: Gathering }>;

export interface Attendance {
  organisationId: string;
  people: number;
}

export interface GatheringDetails {
  startsAt: Date;
  endsAt?: Date | null;
  online: boolean;
  placeId?: string | null;
  venue?: string | null;
  topic: string;
  notes?: string | null;
}

/** Attendance is for gatherings that have started, by organisations that were members on the day, once each. */
async function checkAttendance(c: InputChecks, m: EntityManager, cluster: Cluster, startsAt: Date, attendance: Attendance[]): Promise<void> {
  if (!attendance.length) return;
  if (startsAt > new Date()) {
    c.add("attendance", "NOT_YET_HELD", "Record attendance once the gathering has started.");
    return;
  }
  const members = await membersOn(m, cluster.id, attendance.map((a) => a.organisationId), londonDate(startsAt));
  attendance.forEach((a, i) => {
    c.int(`attendance.${i}.people`, a.people, 1, 1000);
    if (attendance.findIndex((b) => b.organisationId === a.organisationId) !== i) {
      c.add(`attendance.${i}.organisationId`, "DUPLICATE", "That organisation is listed twice.");
    } else if (!members.has(a.organisationId)) {
      c.add(`attendance.${i}.organisationId`, "NOT_MEMBER", `That organisation was not a member of ${cluster.name} on the day of the gathering.`);
    }
  });
}

async function saveAttendance(m: EntityManager, gatheringId: string, attendance: Attendance[]): Promise<void> {
  if (!attendance.length) return;
  await m.query(
    `INSERT INTO gathering_attendance (gathering_id, organisation_id, people)
     SELECT $1, * FROM unnest($2::uuid[], $3::int[])
     ON CONFLICT (gathering_id, organisation_id) DO UPDATE SET people = excluded.people`,
    [gatheringId, attendance.map((a) => a.organisationId), attendance.map((a) => a.people)],
  );
}

export class GatheringsService {
  constructor(private readonly db: DataSource) {}

  async record(actor: Actor, clusterId: string, details: GatheringDetails, attendance: Attendance[]): Promise<GatheringResult> {
    return inTransaction(this.db, async (m) => {
      const cluster = await lockClusterToManage(m, actor, clusterId, "clusterId", "record its gatherings");
      requireOpenCluster(cluster, "clusterId");
      const c = new InputChecks();
      const topic = c.text("topic", details.topic, { max: 300, required: true });
      const venue = c.text("venue", details.venue, { max: 300 });
      const notes = c.text("notes", details.notes, { max: 10000 });
      if (details.endsAt && details.endsAt <= details.startsAt) c.add("endsAt", "ENDS_BEFORE_START", "A gathering ends after it starts.");
      const placeId = (await checkPlace(c, m, details.placeId)) ?? null;
      if (!details.online && !details.placeId) c.add("placeId", "PLACE_OR_ONLINE", "Say where the gathering is, or that it is online.");
      await checkAttendance(c, m, cluster, details.startsAt, attendance);
      if (!c.ok) refuseAll(c.errors);
      const gathering = await m.save(m.create(Gathering, {
        clusterId, startsAt: details.startsAt, endsAt: details.endsAt ?? null, online: details.online, placeId,
        venue: venue ?? null, topic: topic!, notes: notes ?? null,
      }));
      await saveAttendance(m, gathering.id, attendance);
      await audit.record(m, actor, {
        action: "gathering.record", entityType: "Gathering", entityId: gathering.id,
        after: { clusterId, startsAt: gathering.startsAt, online: gathering.online, placeId, topic: gathering.topic, attendance },
      });
      return { gathering };
    });
  }

  /** Sets the people count of each listed organisation; organisations not listed keep what was recorded. */
  async recordAttendance(actor: Actor, gatheringId: string, attendance: Attendance[]): Promise<GatheringResult> {
    return inTransaction(this.db, async (m) => {
      const what = "record attendance at its gatherings";
      const ref = { noun: "gathering", field: "gatheringId" };
      await allowedFirst(m, actor, Gathering, gatheringId, managedThrough((_m, g) => [g.clusterId], what), ref);
      const gathering = await lockRecord(m, Gathering, gatheringId, ref);
      const cluster = await lockClusterToManage(m, actor, gathering.clusterId, "gatheringId", what);
      requireOpenCluster(cluster, "gatheringId");
      const c = new InputChecks();
      if (!attendance.length) c.add("attendance", "REQUIRED", "List at least one organisation that attended.");
      await checkAttendance(c, m, cluster, gathering.startsAt, attendance);
      if (!c.ok) refuseAll(c.errors);
      const recorded = async () => ({ attendance: (await m.find(GatheringAttendance, { where: { gatheringId }, order: { organisationId: "ASC" } }))
        .map(({ organisationId, people }) => ({ organisationId, people })) });
      const before = await recorded();
      await saveAttendance(m, gatheringId, attendance);
      await audit.record(m, actor, { action: "gathering.attendance", entityType: "Gathering", entityId: gatheringId, before, after: await recorded() });
      return { gathering };
    });
  }
}
