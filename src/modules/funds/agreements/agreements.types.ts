// API types of agreements that are not tables: the connection, payloads, and computed views (arrears on a day, what
// funded an agreement).
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { DateScalar, Money } from "../../../graphql/scalars";
import { Agreement } from "./agreement.entity";
import { RepaymentSchedule } from "./schedule.entity";

export const AgreementConnection = ConnectionType(Agreement, "Agreement");

export const AgreementPayload = PayloadType("AgreementPayload", { agreement: () => Agreement });
export type AgreementPayload = InstanceType<typeof AgreementPayload>;
export const ReschedulePayload = PayloadType("ReschedulePayload", { agreement: () => Agreement, schedule: () => RepaymentSchedule });
export type ReschedulePayload = InstanceType<typeof ReschedulePayload>;

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
