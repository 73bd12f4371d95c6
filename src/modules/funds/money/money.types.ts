// API types of money moving for agreements: a movement as clients see it, and the payloads of disbursing and repaying.
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { PayloadType } from "../../../graphql/payloads";
import { DateScalar, Money, money } from "../../../graphql/scalars";
import { MovementKind } from "../funds.enums";
import type { LedgerMovement } from "../ledger/movements";
import { Agreement } from "../agreements/agreement.entity";
import { SocialRepaymentClaim } from "./social-claim.entity";

@ObjectType({ implements: Node, description: "A movement of a fund's money: a balanced group of ledger postings, never edited." })
export class FundMovement {
  id: string;
  fundId: string;
  agreementId: string | null;
  pence: number;

  @Field(() => MovementKind)
  kind: MovementKind;

  @Field(() => DateScalar, { description: "The day the money moved." })
  occurredOn: string;

  @Field(() => String, { nullable: true })
  memo: string | null;

  @Field({ description: "When it was recorded." })
  recordedAt: Date;

  @Field(() => Money)
  get amount(): Money {
    return money(this.pence);
  }

  /** The API's view of a ledger group. */
  static of(movement: LedgerMovement): FundMovement {
    return Object.assign(new FundMovement(), movement);
  }
}

export const FundMovementPayload = PayloadType("FundMovementPayload", { movement: () => FundMovement, agreement: () => Agreement },
  "The money moved and the agreement as it now stands.");
export type FundMovementPayload = InstanceType<typeof FundMovementPayload>;
export const SocialRepaymentClaimPayload = PayloadType("SocialRepaymentClaimPayload", {
  claim: () => SocialRepaymentClaim, agreement: () => Agreement,
});
export type SocialRepaymentClaimPayload = InstanceType<typeof SocialRepaymentClaimPayload>;
