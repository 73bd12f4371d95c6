// API types of places that are not tables: what importPlaces answers.
import { Field, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/errors";
import { Place } from "./place.entity";

@ObjectType({ description: "What a places import did: all of the file, or (with userErrors) nothing." })
export class ImportPlacesPayload {
  @Field(() => [Place], { description: "Places new to kith, in file order (empty when refused)." })
  created: Place[];

  @Field(() => [Place], { description: "Places already loaded whose name or parent the file changed, in file order." })
  updated: Place[];

  @Field(() => Int, { description: "Rows naming a place already loaded exactly as the file has it." })
  unchangedCount: number;

  @Field(() => [UserError], { description: 'Every bad row, each on its own, e.g. field ["csv", "row 7", "parent"].' })
  userErrors: UserError[];
}
