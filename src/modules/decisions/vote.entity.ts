// A vote as cast: the process and the choice (YES or NO on a ballot, the pitches chosen in a budget), with nothing that
// names or dates the voter. Published after the result is declared, so anyone can recount.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node";
import { BallotChoice } from "./decisions.enums";

@ObjectType({ implements: Node, description: "A vote as cast, without its voter: published once the result is declared, so anyone can recount." })
@Entity({ name: "decision_vote" })
@Index("decision_vote_process_idx", ["processId", "id"])
export class DecisionVote {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "process_id", type: "uuid" })
  processId: string;

  @Field(() => BallotChoice, { nullable: true, description: "Ballots: the answer." })
  @Column({ type: "text", nullable: true })
  choice: BallotChoice | null;

  /** Budgets: the pitches chosen (shown as global IDs in `pitchIds`). */
  @Column({ name: "pitch_ids", type: "uuid", array: true, nullable: true })
  pitchIds: string[] | null;
}

