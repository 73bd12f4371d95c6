// Computed views of a fund's money for the API: generations of recycling, arrears on a day, what funded an agreement.
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar, Money } from "../../graphql/scalars";

@ObjectType({ description: "Pounds disbursed on their n-th time out of the pool: 1 is a contribution's own money." })
export class FundGeneration {
  @Field(() => Int, { description: "1: first time out; 2: repaid once and awarded again; and so on." })
  generation: number;

  @Field(() => Money)
  disbursed: Money;
}

@ObjectType({ description: "Cash arrears on a day, derived from the schedule in force and the cash repaid by then." })
export class Arrears {
  @Field(() => DateScalar)
  asOf: string;

  @Field(() => Money, { description: "What should have been repaid in cash by the day." })
  due: Money;

  @Field(() => Money, { description: "What was repaid in cash by the day." })
  repaid: Money;

  @Field(() => Money)
  amount: Money;

  @Field(() => DateScalar, { nullable: true, description: "The due day of the oldest instalment still unpaid." })
  oldestUnpaidDueOn: string | null;

  @Field(() => Int)
  daysOverdue: number;

  @Field(() => Int, { description: "The schedule version in force on the day." })
  scheduleVersion: number;
}

@ObjectType({ description: "Where some of an agreement's money came from: a contribution, perhaps via earlier agreements that repaid it." })
export class AgreementFunding {
  contributionId: string;
  viaAgreementIds: string[];

  @Field(() => Money)
  amount: Money;

  @Field(() => Int, { description: "1: the contribution's own pounds; 2: repaid once by an earlier agreement and awarded again; and so on." })
  generation: number;
}
