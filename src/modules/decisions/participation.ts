// Who took part in each process: the roll and votes by place, by group where people chose to say, and the barriers
// they reported. Counts only; nothing here is per person, and nothing joins the roll to the votes.
import type { DataSource, EntityManager } from "typeorm";
import { Participation, ParticipationInGroup, ParticipationInPlace, ReportedBarrier } from "./decisions.types";
import type { ParticipantGroup, ParticipationBarrier } from "./decisions.enums";

export async function participationOf(db: DataSource | EntityManager, processIds: readonly string[]): Promise<Map<string, Participation>> {
  const ids = [...processIds];
  const out = new Map(ids.map((id) => [id, Object.assign(new Participation(), { registered: 0, voted: 0, byPlace: [], byGroup: [], barriers: [] })]));
  if (!ids.length) return out;
  const places: { process_id: string; place_id: string; registered: number; voted: number }[] = await db.query(
    `SELECT process_id, place_id, count(*)::int AS registered, count(*) FILTER (WHERE has_voted)::int AS voted
       FROM decision_voter WHERE process_id = ANY($1) GROUP BY process_id, place_id ORDER BY process_id, place_id`, [ids]);
  for (const r of places) {
    const p = out.get(r.process_id)!;
    p.registered += r.registered;
    p.voted += r.voted;
    p.byPlace.push(Object.assign(new ParticipationInPlace(), { placeId: r.place_id, registered: r.registered, voted: r.voted }));
  }
  const groups: { process_id: string; grp: ParticipantGroup; registered: number; voted: number }[] = await db.query(
    `SELECT v.process_id, g.grp, count(*)::int AS registered, count(*) FILTER (WHERE v.has_voted)::int AS voted
       FROM decision_voter v CROSS JOIN LATERAL unnest(v.groups) AS g(grp)
      WHERE v.process_id = ANY($1) GROUP BY v.process_id, g.grp ORDER BY v.process_id, g.grp`, [ids]);
  for (const r of groups) out.get(r.process_id)!.byGroup.push(Object.assign(new ParticipationInGroup(), { group: r.grp, registered: r.registered, voted: r.voted }));
  const barriers: { process_id: string; barrier: ParticipationBarrier; reported: number }[] = await db.query(
    `SELECT v.process_id, b.barrier, count(*)::int AS reported
       FROM decision_voter v CROSS JOIN LATERAL unnest(v.barriers) AS b(barrier)
      WHERE v.process_id = ANY($1) GROUP BY v.process_id, b.barrier ORDER BY v.process_id, b.barrier`, [ids]);
  for (const r of barriers) out.get(r.process_id)!.barriers.push(Object.assign(new ReportedBarrier(), { barrier: r.barrier, reported: r.reported }));
  return out;
}
