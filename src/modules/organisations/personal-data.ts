// The register's part of a person's own data: organisation contacts where they are the person (matched by email).
import type { PersonalDataSource } from "../../auth/personal-data";

export const contactsOfPerson: PersonalDataSource = {
  name: "contacts",
  collect: (db, person) => db.query(
    `SELECT c.organisation_id AS "organisationId", c.name, c.role, c.email, c.phone, c.created_at AS "createdAt"
       FROM organisation_contact c WHERE lower(c.email) = lower($1) ORDER BY c.created_at`,
    [person.email],
  ),
  // The contact stays (the organisation still needs one), without the person's name, email or phone.
  async erase(m, person) {
    await m.query("UPDATE organisation_contact SET name = 'Erased', email = NULL, phone = NULL WHERE lower(email) = lower($1)", [person.email]);
  },
};
