// Inputs of the places mutations.
import { Field, InputType } from "type-graphql";
import { MaxLength } from "class-validator";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./places-import.service";

@InputType()
export class ImportPlacesInput {
  // The edge bound only keeps a huge text from reaching the parser; the service's byte limit answers with a user error.
  @Field({
    description: `A CSV file: header code,name,kind[,parent]; at most ${MAX_IMPORT_ROWS} rows and ${MAX_IMPORT_BYTES} bytes (UTF-8).`,
  })
  @MaxLength(MAX_IMPORT_BYTES * 2)
  csv: string;
}
