// Failed sign-ins per email (known or not), so repeated guessing is slowed down without revealing who exists.
import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity({ name: "sign_in_throttle" })
export class SignInThrottle {
  /** Lower-cased email as typed; unknown emails are throttled exactly like known ones. */
  @PrimaryColumn({ name: "email_key", type: "text" })
  emailKey: string;

  @Column({ type: "int" })
  failures: number;

  @Column({ name: "last_failure_at", type: "timestamptz" })
  lastFailureAt: Date;

  @Column({ name: "locked_until", type: "timestamptz", nullable: true })
  lockedUntil: Date | null;
}
