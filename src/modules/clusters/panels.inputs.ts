// GraphQL inputs and payload of peer panels. Hard size limits here; the service turns rule breaks into userErrors.
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ArrayMaxSize, MaxLength } from "class-validator";
import { UserError } from "../../graphql/errors";
import { PeerPanelStatus } from "./cluster.enums";
import { PeerPanel } from "./peer-panel.entity";

@InputType()
export class CreatePeerPanelInput {
  @Field() @MaxLength(1000) name: string;
  @Field(() => [ID], { description: "The clusters the panel is drawn from (at least one)." }) @ArrayMaxSize(50) clusterIds: string[];
}

@InputType({ description: "Omitted fields stay as they are." })
export class UpdatePeerPanelInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true }) @MaxLength(1000) name?: string | null;
  @Field(() => PeerPanelStatus, { nullable: true, description: "FORMING -> ACTIVE -> CLOSED." }) status?: PeerPanelStatus | null;
}

@InputType()
export class AddPeerPanelMemberInput {
  @Field(() => ID) panelId: string;
  @Field({ description: "Email of the person's kith account." }) @MaxLength(320) email: string;
  @Field(() => ID, { nullable: true, description: "The member organisation they sit for; leave out only for a PANEL_MEMBER." })
  organisationId?: string | null;
}

@InputType()
export class RemovePeerPanelMemberInput {
  @Field(() => ID) panelMemberId: string;
}

@ObjectType()
export class PeerPanelPayload {
  @Field(() => PeerPanel, { nullable: true }) panel: PeerPanel | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
