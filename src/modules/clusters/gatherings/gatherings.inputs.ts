// GraphQL inputs of gatherings and attendance. Hard size limits here; rules live in the service.
import { Field, InputType, Int } from "type-graphql";
import { TextField, IdField, ListField } from "../../../graphql/input-fields";

@InputType()
export class AttendanceInput {
  @IdField("Organisation", { description: "A member organisation of the cluster on the day of the gathering." }) organisationId: string;
  @Field(() => Int, { description: "How many of its people came (1..1000)." }) people: number;
}

@InputType({ description: "A gathering in a place (placeId) or online, or both." })
export class RecordGatheringInput {
  @IdField("Cluster") clusterId: string;
  @Field() startsAt: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field({ defaultValue: false }) online: boolean;
  @IdField("Place", { nullable: true }) placeId?: string | null;
  @TextField({ nullable: true }) venue?: string | null;
  @TextField() topic: string;
  @TextField({ nullable: true, description: "Visible to the cluster's member organisations and ADMIN only." })
  notes?: string | null;
  @ListField(() => AttendanceInput, { nullable: true, description: "Only for a gathering that has started.", max: 500 }) attendance?: AttendanceInput[] | null;
}

@InputType({ description: "Sets the attendance of the organisations listed (others stay as recorded)." })
export class RecordAttendanceInput {
  @IdField("Gathering") gatheringId: string;
  @ListField(() => AttendanceInput, { max: 500 }) attendance: AttendanceInput[];
}
