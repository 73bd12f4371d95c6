// A person who signs in: email, scrypt password hash, network roles.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { ObjectType } from "type-graphql";
import { Node } from "../graphql/node";
import { Role } from "./roles";

@ObjectType({ implements: Node, description: "A person who signs in." })
@Entity({ name: "app_user" })
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
}
