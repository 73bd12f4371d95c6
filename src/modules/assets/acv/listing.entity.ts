// Assets of Community Value: a nomination and the council's decision; when listed, the five years it stays listed.
import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { AcvListingStatus } from "../assets.enums";

@ObjectType({ implements: Node, description: "An Asset of Community Value nomination and, once listed, its listing. Every date is computed by the server in UK calendar days." })
@Entity({ name: "acv_listing" })
@Index("acv_listing_nominated_key", { synchronize: false })
@Index("acv_listing_asset_idx", ["assetId", "listedOn"])
export class AcvListing extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Column({ name: "asset_id", type: "uuid" })
  assetId: string;

  @Index("acv_listing_nominated_by_idx")
  @Column({ name: "nominated_by_id", type: "uuid" })
  nominatedById: string;

  @Field(() => DateScalar)
  @Column({ name: "nominated_on", type: "date" })
  nominatedOn: string;

  @Field({ description: "Why the nominating community body says the asset furthers the community's social wellbeing." })
  @Column({ name: "nomination_reason", type: "text" })
  nominationReason: string;

  @Field(() => AcvListingStatus)
  @Column({ type: "text", default: AcvListingStatus.NOMINATED })
  status: AcvListingStatus;

  @Field(() => DateScalar, { nullable: true, description: "The day the council decided the nomination." })
  @Column({ name: "decided_on", type: "date", nullable: true })
  decidedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "decision_reason", type: "text", nullable: true })
  decisionReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the asset was entered in the list." })
  @Index("acv_listing_listed_idx")
  @Column({ name: "listed_on", type: "date", nullable: true })
  listedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The last day it is listed: the listing runs for five years beginning with listedOn." })
  @Column({ name: "expires_on", type: "date", nullable: true })
  expiresOn: string | null;
}
