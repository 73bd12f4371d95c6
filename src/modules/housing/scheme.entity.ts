// A community-led housing scheme: led by a community land trust, on a site, often with a housing association partner,
// from group forming to homes let. Partnership terms and the umbrella body's costs are its columns too.
import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../kit/versioned-record";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { HousingSchemeStage } from "./housing.enums";

@ObjectType({ implements: Node, description: "A community-led housing scheme: homes a community land trust brings about, by tenure and route, and its partnership." })
@Entity({ name: "housing_scheme" })
@Index("housing_scheme_name_idx", { synchronize: false })
@Index("housing_scheme_updated_idx", ["updatedAt", "id"])
export class HousingScheme extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Index("housing_scheme_lead_idx")
  @Column({ name: "lead_organisation_id", type: "uuid" })
  leadOrganisationId: string;

  @Index("housing_scheme_partner_idx")
  @Column({ name: "partner_organisation_id", type: "uuid", nullable: true })
  partnerOrganisationId: string | null;

  @Index("housing_scheme_site_idx")
  @Column({ name: "site_asset_id", type: "uuid", nullable: true })
  siteAssetId: string | null;

  @Index("housing_scheme_place_idx")
  @Column({ name: "place_id", type: "uuid" })
  placeId: string;

  @Field(() => HousingSchemeStage)
  @Index("housing_scheme_stage_idx")
  @Column({ type: "text", default: HousingSchemeStage.GROUP_FORMING })
  stage: HousingSchemeStage;

  /** Partnership terms (null without a partner); shown through `partnership` to those who may read them. */
  @Column({ name: "lease_term_years", type: "int", nullable: true })
  leaseTermYears: number | null;

  @Column({ name: "ground_rent_pence", type: "bigint", nullable: true })
  groundRentPence: number | null;

  @Column({ name: "buy_back_option", type: "boolean", nullable: true })
  buyBackOption: boolean | null;

  @Column({ name: "freehold_held_by_clt", type: "boolean", nullable: true })
  freeholdHeldByClt: boolean | null;

  @Column({ name: "umbrella_costs_recouped_pence", type: "bigint", default: 0 })
  umbrellaCostsRecoupedPence: number;

  @Field(() => DateScalar, { description: "The day the group started the scheme." })
  @Column({ name: "started_on", type: "date" })
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "The day every planned home was complete." })
  @Column({ name: "completed_on", type: "date", nullable: true })
  completedOn: string | null;
}
