// GraphQL inputs of Assets of Community Value: nominating, the council's decision, the owner's notice, intents to bid
// and disposals. Days default to today (UK); the server computes every deadline.
import { Field, InputType } from "type-graphql";
import { DayField, IdField, TextField, VersionField } from "../../../graphql/input-fields";
import { AcvExemption } from "../assets.enums";

@InputType()
export class NominateAcvInput {
  @IdField("Asset") assetId: string;
  @IdField("Organisation", { description: "The nominating community body." }) organisationId: string;
  @DayField({ nullable: true }) nominatedOn?: string | null;
  @TextField({ description: "How the asset furthers the community's social wellbeing." }) reason: string;
}

@InputType()
export class DecideAcvNominationInput {
  @IdField("AcvListing") listingId: string;
  @VersionField() expectedVersion: number;
  @Field({ description: "true: listed from decidedOn for five years; false: not listed." }) list: boolean;
  @DayField({ nullable: true }) decidedOn?: string | null;
  @TextField({ nullable: true }) reason?: string | null;
}

@InputType()
export class NotifyAcvDisposalInput {
  @IdField("AcvListing") listingId: string;
  @VersionField() expectedVersion: number;
  @DayField({ nullable: true, description: "The day the council received the owner's notice." }) noticeOn?: string | null;
}

@InputType()
export class RegisterAcvIntentToBidInput {
  @IdField("AcvListing") listingId: string;
  @IdField("Organisation", { description: "The community interest group that may bid." }) organisationId: string;
  @DayField({ nullable: true }) requestedOn?: string | null;
}

@InputType({ description: "Give an exemption for an exempt disposal; without one it is a relevant disposal, allowed only after the moratorium (or during it to a group that registered intent to bid)." })
export class RecordAcvDisposalInput {
  @IdField("AcvListing") listingId: string;
  @VersionField() expectedVersion: number;
  @DayField() disposedOn: string;
  @Field(() => AcvExemption, { nullable: true }) exemption?: AcvExemption | null;
  @TextField() reason: string;
  @IdField("Organisation", { nullable: true }) buyerOrganisationId?: string | null;
}
