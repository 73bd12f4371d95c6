// A place: combined authority, local authority, ward or neighbourhood, with its ONS GSS code and parent.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node";

export enum PlaceKind {
  COMBINED_AUTHORITY = "COMBINED_AUTHORITY",
  LOCAL_AUTHORITY = "LOCAL_AUTHORITY",
  WARD = "WARD",
  NEIGHBOURHOOD = "NEIGHBOURHOOD",
}
registerEnumType(PlaceKind, { name: "PlaceKind" });

@ObjectType({ implements: Node, description: "A place: a combined authority, a borough (local authority), a ward or a neighbourhood." })
@Entity({ name: "place" })
export class Place {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => PlaceKind)
  @Index("place_kind_idx")
  @Column({ type: "text" })
  kind: PlaceKind;

  @Field({ description: "ONS GSS code, e.g. E08000012 for Liverpool." })
  @Index("place_code_key", { unique: true })
  @Column({ type: "text" })
  code: string;

  @Field()
  @Index("place_name_idx", { synchronize: false })
  @Column({ type: "text" })
  name: string;

  @Index("place_parent_idx")
  @Column({ name: "parent_id", type: "uuid", nullable: true })
  parentId: string | null;

  @Field({ description: "True for the demo data set's illustrative places (made-up codes): never use them for a real report." })
  @Column({ type: "boolean", default: false })
  demo: boolean;
}
