// fundingSummary's filter and answer: money by place and period, shaped as impactSummary is (a total, and groups with
// place, year and quarter) so a dashboard reads both the same way.
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { DayField, IdListField } from "../../../graphql/input-fields";
import { DateScalar, Money } from "../../../graphql/scalars";

@InputType({ description: "Every field narrows; places match themselves and every place inside them." })
export class FundingFilter {
  @IdListField("Place", { max: 50, nullable: true, description: "Agreements with organisations registered in these places or inside them." }) placeIds?: string[] | null;
  @IdListField("Fund", { max: 50, nullable: true, description: "Only these funds." }) fundIds?: string[] | null;
  @DayField({ description: "The first day counted." }) from: string;
  @DayField({ description: "The last day counted (included)." }) to: string;
}

@ObjectType({ description: "Pay-it-forward money of a group of agreements over the period, from the ledger: flows on the days the money moved." })
export class FundingFigures {
  @Field(() => Int, { description: "Organisations awarded an agreement in the period." }) organisationsFunded: number;
  @Field(() => Money, { description: "Agreements awarded in the period, their whole amounts." }) awarded: Money;
  @Field(() => Money) disbursed: Money;
  @Field(() => Money) repaidCash: Money;
  @Field(() => Money, { description: "Accepted social repayments: repaid in costed social value." }) repaidSocial: Money;
  @Field(() => Money) writtenOff: Money;
  @Field(() => Money, { description: "Disbursed in the period from pounds repaid before: money recycled." }) recycled: Money;
}

@ObjectType({ description: "A group of a funding summary: the keys it was grouped by (the others are null) and its figures." })
export class FundingGroup extends FundingFigures {
  /** Every dimension's key by groupBy value (PLACE: a place id), as impactSummary's groups keep theirs. */
  keys: Record<string, string | null>;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => Int, { nullable: true, description: "1 to 4, with year, when grouped by QUARTER." })
  quarter: number | null;
}

@ObjectType({ description: "Pay-it-forward money between two days, in total and by group. Contributions have no place, so they are not here (see Fund.figuresBetween)." })
export class FundingSummary {
  @Field(() => DateScalar, { description: "The first day counted." })
  from: string;

  @Field(() => DateScalar, { description: "The last day counted." })
  to: string;

  @Field(() => FundingFigures)
  total: FundingFigures;

  @Field(() => [FundingGroup], { description: "Groups with any money or award in the period, in key order." })
  groups: FundingGroup[];
}
