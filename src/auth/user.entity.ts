// A person who signs in: email, scrypt password hash, network roles.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { ObjectType } from "type-graphql";
import { Node } from "../graphql/node";
import { Role } from "./roles";

@ObjectType({ implements: Node, description: "A person who signs in." })
@Entity({ name: "app_user" })
@Index("app_user_created_idx", ["createdAt", "id"])
export class User {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Personal data: resolved through UserResolver, which applies the access rule. */
  @Index("app_user_email_key", { synchronize: false })
  @Column({ type: "text" })
  email: string;

  @Column({ name: "password_hash", type: "text" })
  passwordHash: string;

  /** Personal data: resolved through UserResolver. */
  @Index("app_user_search_idx", { synchronize: false })
  @Column({ name: "display_name", type: "text" })
  displayName: string;

  /** The account's own: resolved through UserResolver, which applies the access rule. */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  roles: Role[];

  /** The account's own: resolved through UserResolver. */
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  /** Null until the person follows the link in the verification email. */
  @Column({ name: "email_verified_at", type: "timestamptz", nullable: true })
  emailVerifiedAt: Date | null;

  /** Set by ADMIN: every session ends and sign-in is refused until re-enabled. */
  @Column({ name: "disabled_at", type: "timestamptz", nullable: true })
  disabledAt: Date | null;

  /** Set when the person deleted their account: name and email are gone, the row stays as a pseudonym. */
  @Column({ name: "erased_at", type: "timestamptz", nullable: true })
  erasedAt: Date | null;
}
