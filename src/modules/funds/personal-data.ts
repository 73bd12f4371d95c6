// The funds module's part of a person's own data: the views they recorded on panels. Views stay when an account is
// deleted (decisions rest on them); they name the person only through the account, which is then a pseudonym.
import type { PersonalDataSource } from "../../auth/personal-data";

export const panelViewsOfPerson: PersonalDataSource = {
  name: "panelViews",
  collect: (db, person) => db.query(
    `SELECT v.application_id AS "applicationId", v.stance, v.comment, v.conflict, v.conflict_note AS "conflictNote",
            v.recorded_at AS "recordedAt" FROM panel_view v WHERE v.member_user_id = $1 ORDER BY v.recorded_at`,
    [person.userId],
  ),
};
