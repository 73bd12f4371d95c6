// API types of community decisions that are not tables: connections, payloads, the viewer's own registration and the
// participation counts.
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { UserError } from "../../graphql/errors";
import type { Refusal } from "../../kit/refusals";
import { DecisionProcess } from "./process.entity";
import { DecisionPitch } from "./pitch.entity";
import { DecisionVote } from "./vote.entity";
import { DecisionResult } from "./result.entity";
import { ParticipantGroup, ParticipationBarrier } from "./decisions.enums";

export const DecisionProcessConnection = ConnectionType(DecisionProcess, "DecisionProcess");
export const DecisionPitchConnection = ConnectionType(DecisionPitch, "DecisionPitch");
export const DecisionVoteConnection = ConnectionType(DecisionVote, "DecisionVote");

@ObjectType({ description: "Your own place on a process's roll: only you see it." })
export class VoterRegistration {
  placeId: string;

  @Field(() => [ParticipantGroup])
  groups: ParticipantGroup[];

  @Field(() => [ParticipationBarrier])
  barriers: ParticipationBarrier[];

  @Field({ description: "Whether you have voted (never what you voted for: that is not kept with you)." })
  hasVoted: boolean;
}

export const DecisionProcessPayload = PayloadType("DecisionProcessPayload", { process: () => DecisionProcess });
export type DecisionProcessPayload = InstanceType<typeof DecisionProcessPayload>;
export const DecisionPitchPayload = PayloadType("DecisionPitchPayload", { pitch: () => DecisionPitch, process: () => DecisionProcess });
export type DecisionPitchPayload = InstanceType<typeof DecisionPitchPayload>;
export const RegisterToVotePayload = PayloadType("RegisterToVotePayload", { process: () => DecisionProcess, registration: () => VoterRegistration });
export type RegisterToVotePayload = InstanceType<typeof RegisterToVotePayload>;
export const DeclareDecisionResultPayload = PayloadType("DeclareDecisionResultPayload", { process: () => DecisionProcess, result: () => DecisionResult });
export type DeclareDecisionResultPayload = InstanceType<typeof DeclareDecisionResultPayload>;

@ObjectType({ description: "Your vote was counted (or not, with userErrors). It says nothing of what you chose." })
export class CastVotePayload {
  @Field(() => DecisionProcess, { nullable: true })
  process: DecisionProcess | null;

  @Field({ description: "True when your vote is stored (a retry with the same key says true again)." })
  counted: boolean;

  @Field(() => [UserError])
  userErrors: Refusal[];
}

@ObjectType({ description: "Residents on the roll and those who voted, in one place." })
export class ParticipationInPlace {
  placeId: string;

  @Field(() => Int) registered: number;
  @Field(() => Int) voted: number;
}

@ObjectType({ description: "Participants who said they belong to a group." })
export class ParticipationInGroup {
  @Field(() => ParticipantGroup) group: ParticipantGroup;
  @Field(() => Int) registered: number;
  @Field(() => Int) voted: number;
}

@ObjectType({ description: "How many participants reported a barrier to taking part." })
export class ReportedBarrier {
  @Field(() => ParticipationBarrier) barrier: ParticipationBarrier;
  @Field(() => Int) reported: number;
}

@ObjectType({ description: "Who took part: the roll and votes by place, by group where people chose to say, and the barriers they reported." })
export class Participation {
  @Field(() => Int) registered: number;
  @Field(() => Int) voted: number;
  @Field(() => [ParticipationInPlace]) byPlace: ParticipationInPlace[];
  @Field(() => [ParticipationInGroup]) byGroup: ParticipationInGroup[];
  @Field(() => [ReportedBarrier]) barriers: ReportedBarrier[];
}
