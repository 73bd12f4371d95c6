// GraphQL inputs of peer panels. Hard size limits here; the service turns rule breaks into userErrors.
import { Field, InputType } from "type-graphql";
import { IdField, IdListField, TextField, VersionField } from "../../../graphql/input-fields";
import { PeerPanelStatus } from "../cluster.enums";

@InputType()
export class CreatePeerPanelInput {
  @TextField({ max: 1000 }) name: string;
  @IdListField("Cluster", { description: "The clusters the panel is drawn from (at least one).", max: 50 }) clusterIds: string[];
}

@InputType({ description: "Omitted fields stay as they are." })
export class UpdatePeerPanelInput {
  @IdField("PeerPanel") id: string;
  @VersionField() expectedVersion: number;
  @TextField({ nullable: true, max: 1000 }) name?: string | null;
  @Field(() => PeerPanelStatus, { nullable: true, description: "FORMING -> ACTIVE -> CLOSED." }) status?: PeerPanelStatus | null;
}

@InputType()
export class AddPeerPanelMemberInput {
  @IdField("PeerPanel") panelId: string;
  @TextField({ description: "Email of the person's kith account.", max: 320 }) email: string;
  @IdField("Organisation", { nullable: true, description: "The member organisation they sit for; leave out only for a PANEL_MEMBER." })
  organisationId?: string | null;
}

@InputType()
export class RemovePeerPanelMemberInput {
  @IdField("PeerPanelMember") panelMemberId: string;
}
