// What other modules may ask of places: existence checks, ids by GSS code, and "this place and everything inside it".
import type { DataSource, EntityManager } from "typeorm";
import { Sql, sql } from "../../graphql/sql";

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

  /** The demo data set's places (made-up codes), each with the GSS code of the local authority it lies in. */
  async demoPlaces(db: Db): Promise<{ id: string; code: string; localAuthorityCode: string | null }[]> {
    return db.query(
      `WITH RECURSIVE up AS (
         SELECT id AS place_id, id, parent_id, kind, code FROM place WHERE demo
         UNION ALL SELECT up.place_id, p.id, p.parent_id, p.kind, p.code FROM place p JOIN up ON p.id = up.parent_id
       ) SELECT d.id, d.code, (SELECT code FROM up WHERE up.place_id = d.id AND up.kind = 'LOCAL_AUTHORITY' LIMIT 1) AS "localAuthorityCode"
         FROM place d WHERE d.demo ORDER BY d.code`,
    );
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

  /**
   * SQL of (id, grp) rows: every place inside `rootIds` (the roots included) with the place just inside a root that it
   * lies in (a root itself is its own grp); with no roots, from the top-level places down. A place under two roots asked
   * is counted once, under the outermost root. For summaries that group by "the level below the places asked".
   */
  groupingSql(rootIds: string[] | null): Sql {
    const roots = rootIds ? sql`p.id = ANY(${rootIds}::uuid[])` : Sql.raw("p.parent_id IS NULL");
    return sql`SELECT DISTINCT ON (id) id, grp FROM (
      WITH RECURSIVE tree(id, grp, depth) AS (
        SELECT p.id, p.id, 0 FROM place p WHERE ${roots}
        UNION ALL
        SELECT c.id, CASE WHEN t.depth = 0 THEN c.id ELSE t.grp END, t.depth + 1 FROM place c JOIN tree t ON c.parent_id = t.id
      ) SELECT id, grp, depth FROM tree) t ORDER BY id, depth DESC`;
  },
};
