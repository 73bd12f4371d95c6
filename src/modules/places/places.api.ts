// What other modules may ask of places: existence checks, ids by GSS code, and "this place and everything inside it".
import type { DataSource, EntityManager } from "typeorm";

type Db = DataSource | EntityManager;

export const placesApi = {
  /** The subset of `ids` that name existing places. */
  async existing(db: Db, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await db.query("SELECT id FROM place WHERE id = ANY($1)", [ids]);
    return new Set(rows.map((r) => r.id));
  },

  /** Place ids by ONS GSS code (unknown codes are simply absent). */
  async idsByCode(db: Db, codes: string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows: { id: string; code: string }[] = await db.query("SELECT id, code FROM place WHERE code = ANY($1)", [codes]);
    return new Map(rows.map((r) => [r.code, r.id]));
  },

  /**
   * SQL for "one of the places bound to `:<param>` or any place inside them", to put after a column and `=`: the
   * tree is expanded by the statement that filters (PostgreSQL runs the uncorrelated ARRAY once), so a list filtered
   * by place is one statement, not a lookup and then the page.
   */
  withinAny(param: string): string {
    return `ANY(ARRAY(WITH RECURSIVE tree AS (SELECT id FROM place WHERE id = ANY(:${param})
      UNION SELECT p.id FROM place p JOIN tree t ON p.parent_id = t.id) SELECT id FROM tree))`;
  },

  /** The places and all their descendants (a borough matches its wards and neighbourhoods too). */
  async withDescendants(db: Db, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await db.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM place WHERE id = ANY($1)
         UNION SELECT p.id FROM place p JOIN tree t ON p.parent_id = t.id
       ) SELECT id FROM tree`,
      [ids],
    );
    return rows.map((r) => r.id);
  },
};
