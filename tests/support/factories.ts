// Small factories that build exactly the rows a test needs, through the same code paths the API uses.
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { AuthService } from "../../src/auth/auth.service";
import { Role } from "../../src/auth/roles";
import type { User } from "../../src/auth/user.entity";

export const TEST_PASSWORD = "correct horse battery staple";

export async function makeUser(db: DataSource, o: { email?: string; roles?: Role[]; displayName?: string; password?: string } = {}): Promise<User> {
  return AuthService.createUser(db.manager, {
    email: o.email ?? `user-${randomBytes(4).toString("hex")}@example.test`,
    password: o.password ?? TEST_PASSWORD,
    displayName: o.displayName ?? "Test Person",
    roles: o.roles ?? [],
  });
}
