// The roll of a process: a resident who registered to vote, with their place and what they chose to say (groups,
// barriers). Never an API type: only counts of it are published, and nothing in it points at a vote.
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import type { ParticipantGroup, ParticipationBarrier } from "./decisions.enums";

@Entity({ name: "decision_voter" })
@Unique("decision_voter_once", ["processId", "userId"])
@Index("decision_voter_place_idx", ["processId", "placeId"])
export class DecisionVoter {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "process_id", type: "uuid" })
  processId: string;

  @Index("decision_voter_user_idx")
  @Column({ name: "user_id", type: "uuid" })
  userId: string;

  @Column({ name: "place_id", type: "uuid" })
  placeId: string;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  groups: ParticipantGroup[];

  @Column({ type: "text", array: true, default: () => "'{}'" })
  barriers: ParticipationBarrier[];

  /** Set once, in the transaction that stores the vote; no time is kept, so the roll cannot be lined up with votes. */
  @Column({ name: "has_voted", type: "boolean", default: false })
  hasVoted: boolean;
}
