// API types of housing that are not tables: the connection, the payload, partnership terms and homes delivered.
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import { PayloadType } from "../../graphql/payloads";
import { Money } from "../../graphql/scalars";
import { HomeTenure } from "./housing.enums";
import { HousingScheme } from "./scheme.entity";

export const HousingSchemeConnection = ConnectionType(HousingScheme, "HousingScheme");

export const HousingSchemePayload = PayloadType("HousingSchemePayload", { scheme: () => HousingScheme });
export type HousingSchemePayload = InstanceType<typeof HousingSchemePayload>;

@ObjectType({ description: "The terms agreed with the partner (often a housing association)." })
export class HousingPartnership {
  @Field(() => Int, { nullable: true, description: "The partner's lease from the community land trust, in years." })
  leaseTermYears: number | null;

  @Field(() => Money, { nullable: true, description: "Ground rent a year." })
  groundRent: Money | null;

  @Field(() => Boolean, { nullable: true, description: "The community land trust may buy the homes back." })
  buyBackOption: boolean | null;

  @Field(() => Boolean, { nullable: true })
  freeholdHeldByClt: boolean | null;
}

@ObjectType()
export class TenureHomes {
  @Field(() => HomeTenure)
  tenure: HomeTenure;

  @Field(() => Int)
  homes: number;
}

@ObjectType({ description: "Homes completed in a place (and the places inside it) in a calendar year." })
export class HomesDeliveredInYear {
  placeId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  homes: number;

  @Field(() => Int, { description: "Empty homes brought back into use." })
  emptyHomes: number;

  @Field(() => Int)
  newBuild: number;

  @Field(() => [TenureHomes], { description: "By tenure (tenures with none left out)." })
  byTenure: TenureHomes[];
}
