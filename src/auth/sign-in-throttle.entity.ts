// Failed sign-ins, counted per client address and per address and email together (known emails or not), so guessing
// is slowed down without revealing who exists and without letting anyone lock the owner out from elsewhere.
import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity({ name: "sign_in_throttle" })
export class SignInThrottle {
  /**
   * What is counted: `address <client>` for every sign-in from one address, `email <client> <email>` for one
   * lower-cased email from one address. (The column keeps its first name, from when only emails were counted.)
   */
  @PrimaryColumn({ name: "email_key", type: "text" })
  key: string;

  @Column({ type: "int" })
  failures: number;

  @Column({ name: "last_failure_at", type: "timestamptz" })
  lastFailureAt: Date;

  @Column({ name: "locked_until", type: "timestamptz", nullable: true })
  lockedUntil: Date | null;
}
