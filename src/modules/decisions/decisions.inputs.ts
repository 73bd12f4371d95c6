// GraphQL inputs of community decisions: creating each kind of process, changing a draft, opening and declaring,
// pitches, registering and voting, and the processes list's filter.
import { Field, InputType, Int } from "type-graphql";
import { IdField, IdListField, ListField, PenceField, TextField, VersionField } from "../../graphql/input-fields";
import {
  BallotChoice, DecisionEffect, DecisionProcessKind, DecisionProcessStatus, ParticipantGroup, ParticipationBarrier,
} from "./decisions.enums";
import type { ProcessBasics } from "./processes.service";

/**
 * Declares the shared fields on each create input itself (inherited fields would lose their ID decoding, which reads
 * the field's own extensions): `@WithProcessBasics()` under `@InputType`.
 */
function WithProcessBasics(): ClassDecorator {
  return (target) => {
    const p = target.prototype as object;
    TextField()(p, "title");
    TextField({ nullable: true })(p, "description");
    IdField("Organisation", { description: "The organisation running it: its owners and editors organise." })(p, "organiserOrganisationId");
    IdField("Place", { description: "The eligible area: residents of this place or any place inside it take part." })(p, "areaPlaceId");
    Field(() => DecisionEffect)(p, "effect");
    TextField({ description: "Who delegated the power to decide." })(p, "delegatedBy");
    TextField({ description: "To whom the process answers for its decision." })(p, "answersTo");
    Field(() => Date)(p, "opensAt");
    Field(() => Date)(p, "closesAt");
  };
}

@InputType({ description: "A participatory budget: residents hear pitches and vote on how the pot is spent." })
@WithProcessBasics()
export class CreateParticipatoryBudgetInput {
  @PenceField() potPence: number;
  @Field(() => Int, { description: "How many pitches each resident may vote for (1 to 20)." }) votesPerVoter: number;
  @IdField("FundRound", { nullable: true, description: "When the pot is part of a fund's round: a binding result makes its awards there." }) fundRoundId?: string | null;
}

@InputType({ description: "A resident ballot on one proposal: an asset transfer case or a housing scheme. Thresholds are fixed when it opens." })
@WithProcessBasics()
export class CreateResidentBallotInput {
  @IdField("AssetTransfer", { nullable: true }) transferId?: string | null;
  @IdField("HousingScheme", { nullable: true }) housingSchemeId?: string | null;
  @TextField() question: string;
  @Field(() => Int, { description: "The share of the roll that must vote, in percent (0 to 100)." }) minTurnoutPercent: number;
  @Field(() => Int, { description: "The share of votes cast that must be YES, in percent (1 to 100)." }) approvalPercent: number;
}

@InputType({ description: "A fund round's peer panel deciding under delegated power: its decisions are read from the round." })
@WithProcessBasics()
export class CreatePanelDecisionInput {
  @IdField("FundRound") fundRoundId: string;
}

@InputType({ description: "Changes a DRAFT; omitted fields stay as they are. Once open, the rules are fixed (RULES_FIXED)." })
export class UpdateDecisionProcessInput {
  @IdField("DecisionProcess") processId: string;
  @VersionField() expectedVersion: number;
  @TextField({ nullable: true }) title?: string | null;
  @TextField({ nullable: true }) description?: string | null;
  @Field(() => DecisionEffect, { nullable: true }) effect?: DecisionEffect | null;
  @TextField({ nullable: true }) delegatedBy?: string | null;
  @TextField({ nullable: true }) answersTo?: string | null;
  @Field(() => Date, { nullable: true }) opensAt?: Date | null;
  @Field(() => Date, { nullable: true }) closesAt?: Date | null;
  @PenceField({ nullable: true }) potPence?: number | null;
  @Field(() => Int, { nullable: true }) votesPerVoter?: number | null;
  @TextField({ nullable: true }) question?: string | null;
  @Field(() => Int, { nullable: true }) minTurnoutPercent?: number | null;
  @Field(() => Int, { nullable: true }) approvalPercent?: number | null;
}

@InputType()
export class OpenDecisionProcessInput {
  @IdField("DecisionProcess") processId: string;
  @VersionField() expectedVersion: number;
}

@InputType()
export class DeclareDecisionResultInput {
  @IdField("DecisionProcess") processId: string;
  @VersionField() expectedVersion: number;
  @TextField({ max: 200 }) idempotencyKey: string;
}

@InputType({ description: "An organisation's pitch to a DRAFT participatory budget: never more than the pot." })
export class SubmitDecisionPitchInput {
  @IdField("DecisionProcess") processId: string;
  @IdField("Organisation") organisationId: string;
  @TextField() title: string;
  @TextField() summary: string;
  @PenceField() amountPence: number;
}

@InputType({ description: "Join a process's roll with the place you live in. Groups and barriers are optional: say only what you choose to." })
export class RegisterToVoteInput {
  @IdField("DecisionProcess") processId: string;
  @IdField("Place") placeId: string;
  @ListField(() => ParticipantGroup, { nullable: true, max: 6 }) groups?: ParticipantGroup[] | null;
  @ListField(() => ParticipationBarrier, { nullable: true, max: 6 }) barriers?: ParticipationBarrier[] | null;
}

@InputType({ description: "One vote per resident: YES or NO on a ballot, or up to votesPerVoter pitches in a budget. A retry with the same key is answered as the first." })
export class CastVoteInput {
  @IdField("DecisionProcess") processId: string;
  @Field(() => BallotChoice, { nullable: true }) choice?: BallotChoice | null;
  @IdListField("DecisionPitch", { nullable: true, max: 20 }) pitchIds?: string[] | null;
  @TextField({ max: 200 }) idempotencyKey: string;
}

@InputType()
export class DecisionProcessFilter {
  @ListField(() => DecisionProcessKind, { nullable: true, max: 3 }) kinds?: DecisionProcessKind[] | null;
  @ListField(() => DecisionProcessStatus, { nullable: true, max: 3 }) statuses?: DecisionProcessStatus[] | null;
  @Field(() => DecisionEffect, { nullable: true }) effect?: DecisionEffect | null;
  @IdListField("Place", { nullable: true, max: 50, description: "Processes whose area is one of these places or inside one." }) placeIds?: string[] | null;
  @IdListField("Organisation", { nullable: true, max: 50 }) organiserOrganisationIds?: string[] | null;
}
export interface CreateParticipatoryBudgetInput extends ProcessBasics {}
export interface CreateResidentBallotInput extends ProcessBasics {}
export interface CreatePanelDecisionInput extends ProcessBasics {}
