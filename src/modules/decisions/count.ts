// The counting rules, as pure functions: which pitches a participatory budget funds, and whether a ballot met its
// thresholds. Integer arithmetic only: percentages are compared by cross-multiplying, never as fractions.

export interface CountedPitch {
  id: string;
  amountPence: number;
  votes: number;
  createdAt: Date;
}

/**
 * The pitches funded: most votes first (ties go to the smaller ask, then the earlier pitch), each funded when it still
 * fits in what is left of the pot, so a large pitch that does not fit leaves room for smaller ones below it. A pitch
 * with no votes is never funded.
 */
export function allocatePot(pitches: CountedPitch[], potPence: number): { funded: Set<string>; allocatedPence: number; ranked: CountedPitch[] } {
  const ranked = [...pitches].sort((a, b) => b.votes - a.votes || a.amountPence - b.amountPence
    || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const funded = new Set<string>();
  let left = potPence;
  for (const p of ranked) {
    if (p.votes > 0 && p.amountPence <= left) {
      funded.add(p.id);
      left -= p.amountPence;
    }
  }
  return { funded, allocatedPence: potPence - left, ranked };
}

export interface BallotCount {
  electorate: number;
  yes: number;
  no: number;
  minTurnoutPercent: number;
  approvalPercent: number;
}

/** Turnout is of the roll; approval is the YES share of votes cast. With no votes, nothing is approved. */
export function ballotVerdict(b: BallotCount): { turnoutMet: boolean; approvalMet: boolean; approved: boolean } {
  const cast = b.yes + b.no;
  const turnoutMet = cast * 100 >= b.minTurnoutPercent * b.electorate && (b.minTurnoutPercent === 0 || cast > 0);
  const approvalMet = cast > 0 && b.yes * 100 >= b.approvalPercent * cast;
  return { turnoutMet, approvalMet, approved: turnoutMet && approvalMet };
}

/** Turnout in percent, to one decimal place (for display; thresholds are judged by ballotVerdict). */
export function turnoutPercent(votesCast: number, electorate: number): number {
  return electorate === 0 ? 0 : Math.round((votesCast * 1000) / electorate) / 10;
}
