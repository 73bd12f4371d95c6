// Counting the stored votes and the roll, per process, straight from the tables: what declaring records, and what
// anyone's recount of the published votes must match.
import type { DataSource, EntityManager } from "typeorm";

export interface Tally {
  /** Residents on the roll, and those of them marked as having voted. */
  electorate: number;
  voted: number;
  /** Votes stored, YES and NO among them (ballots), and votes per pitch (budgets). */
  votesCast: number;
  yes: number;
  no: number;
  byPitch: Map<string, number>;
}

export async function tallies(db: DataSource | EntityManager, processIds: readonly string[]): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>(processIds.map((id) => [id, { electorate: 0, voted: 0, votesCast: 0, yes: 0, no: 0, byPitch: new Map() }]));
  if (!processIds.length) return out;
  const ids = [...processIds];
  const roll: { process_id: string; electorate: number; voted: number }[] = await db.query(
    `SELECT process_id, count(*)::int AS electorate, count(*) FILTER (WHERE has_voted)::int AS voted
       FROM decision_voter WHERE process_id = ANY($1) GROUP BY process_id`, [ids]);
  for (const r of roll) Object.assign(out.get(r.process_id)!, { electorate: r.electorate, voted: r.voted });
  const votes: { process_id: string; cast: number; yes: number; no: number }[] = await db.query(
    `SELECT process_id, count(*)::int AS cast, count(*) FILTER (WHERE choice = 'YES')::int AS yes, count(*) FILTER (WHERE choice = 'NO')::int AS no
       FROM decision_vote WHERE process_id = ANY($1) GROUP BY process_id`, [ids]);
  for (const r of votes) Object.assign(out.get(r.process_id)!, { votesCast: r.cast, yes: r.yes, no: r.no });
  const pitches: { process_id: string; pitch_id: string; votes: number }[] = await db.query(
    `SELECT v.process_id, p.pitch_id, count(*)::int AS votes
       FROM decision_vote v CROSS JOIN LATERAL unnest(v.pitch_ids) AS p(pitch_id)
      WHERE v.process_id = ANY($1) GROUP BY v.process_id, p.pitch_id`, [ids]);
  for (const r of pitches) out.get(r.process_id)!.byPitch.set(r.pitch_id, r.votes);
  return out;
}
