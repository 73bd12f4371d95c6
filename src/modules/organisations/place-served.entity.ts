// A place an organisation serves (beyond where it is registered).
import { Entity, Index, PrimaryColumn } from "typeorm";

@Entity({ name: "organisation_place_served" })
export class PlaceServed {
  @PrimaryColumn({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Index("organisation_place_served_place_idx")
  @PrimaryColumn({ name: "place_id", type: "uuid" })
  placeId: string;
}
