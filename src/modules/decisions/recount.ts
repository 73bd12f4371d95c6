// Whether a declared result still matches a recount of the stored votes: votes cast, YES and NO, and every pitch's
// votes. Votes and results are insert-only, so a false here means the tables were tampered with outside the API.
import type { DataSource, EntityManager } from "typeorm";
import { tallies } from "./tally";

export async function recountMatches(db: DataSource | EntityManager, processIds: readonly string[]): Promise<Map<string, boolean>> {
  const ids = [...processIds];
  if (!ids.length) return new Map();
  const counted = await tallies(db, ids);
  const results: { process_id: string; votes_cast: number; yes_votes: number | null; no_votes: number | null; electorate: number }[] = await db.query(
    "SELECT process_id, votes_cast, yes_votes, no_votes, electorate FROM decision_result WHERE process_id = ANY($1)", [ids]);
  const pitches: { process_id: string; id: string; votes: number | null }[] = await db.query(
    "SELECT process_id, id, votes FROM decision_pitch WHERE process_id = ANY($1)", [ids]);
  const out = new Map<string, boolean>();
  for (const r of results) {
    const t = counted.get(r.process_id)!;
    const pitchesMatch = pitches.filter((p) => p.process_id === r.process_id).every((p) => (p.votes ?? 0) === (t.byPitch.get(p.id) ?? 0));
    out.set(r.process_id, r.votes_cast === t.votesCast && r.votes_cast === t.voted && (r.yes_votes ?? 0) === t.yes && (r.no_votes ?? 0) === t.no && pitchesMatch);
  }
  return out;
}
