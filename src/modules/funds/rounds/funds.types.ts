// API types of funds, contributions and rounds that are not tables: the funds connection, payloads, generations.
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { DateScalar, Money } from "../../../graphql/scalars";
import { Fund } from "./fund.entity";
import { FundRound } from "./round.entity";
import { Contribution } from "./contribution.entity";

export const FundConnection = ConnectionType(Fund, "Fund");

export const FundPayload = PayloadType("FundPayload", { fund: () => Fund });
export type FundPayload = InstanceType<typeof FundPayload>;
export const ContributionPayload = PayloadType("ContributionPayload", { contribution: () => Contribution });
export type ContributionPayload = InstanceType<typeof ContributionPayload>;
export const FundRoundPayload = PayloadType("FundRoundPayload", { round: () => FundRound });
export type FundRoundPayload = InstanceType<typeof FundRoundPayload>;

@ObjectType({ description: "Pounds disbursed on their n-th time out of the pool: 1 is a contribution's own money." })
export class FundGeneration {
  @Field(() => Int, { description: "1: first time out; 2: repaid once and awarded again; and so on." })
  generation: number;

  @Field(() => Money)
  disbursed: Money;
}

@ObjectType({ description: "What moved through a fund between two days (both included): flows, not balances." })
export class FundPeriodFigures {
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => Money) contributed: Money;
  @Field(() => Money, { description: "The whole amounts of agreements awarded in the period." }) awarded: Money;
  @Field(() => Money) disbursed: Money;
  @Field(() => Money) repaidCash: Money;
  @Field(() => Money) repaidSocial: Money;
  @Field(() => Money) writtenOff: Money;
  @Field(() => Money, { description: "Pounds disbursed in the period that had been repaid before." }) recycled: Money;
}
