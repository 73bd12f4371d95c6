// Impact's rollup: per organisation, measure and quarter (of the period's end) the count, quantity, social value at the
// proxy in force at each period's end, and the latest figure, so dashboards read about one row per organisation,
// measure and quarter instead of every measurement. PostgreSQL keeps it: statement triggers on impact_measurement
// (any writer: services, imports, seeds) and on impact_proxy_value (a new version revalues later periods) recompute
// the keys a statement touched from the raw rows, so it never drifts by accumulating deltas. It holds no place: the
// summary joins organisations at query time, so a change of registered place needs nothing here.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ImpactRollup1765000070000 implements MigrationInterface {
  name = "ImpactRollup1765000070000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impact_rollup (
        organisation_id uuid NOT NULL,
        metric_id uuid NOT NULL,
        quarter date NOT NULL,
        measurements int NOT NULL DEFAULT 0,
        quantity numeric NOT NULL DEFAULT 0,
        social_value_pence bigint NOT NULL DEFAULT 0,
        latest_end date,
        latest_quantity numeric(14,2),
        PRIMARY KEY (organisation_id, metric_id, quarter)
      )`);
    await q.query(`CREATE INDEX impact_rollup_quarter_idx ON impact_rollup (quarter) INCLUDE (organisation_id, metric_id)`);
    await q.query(`CREATE TYPE impact_rollup_key AS (organisation_id uuid, metric_id uuid, quarter date)`);

    // Recomputes the keys given from the raw rows. Writers of the same key queue on its rollup row (inserted empty if
    // new, then locked in key order), so each recomputation starts after the previous writer committed and, under
    // READ COMMITTED, sees its rows; under REPEATABLE READ the conflict is a serialization failure, never a stale sum.
    // A KEY SHARE lock on the measures makes a proxy value being added (which locks its measure FOR UPDATE) wait for
    // this transaction, or this one wait for it, so no period is valued at a proxy about to be superseded.
    await q.query(`
      CREATE FUNCTION impact_rollup_refresh(keys impact_rollup_key[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(cardinality(keys), 0) = 0 THEN RETURN; END IF;
        PERFORM 1 FROM impact_metric WHERE id IN (SELECT DISTINCT k.metric_id FROM unnest(keys) k) ORDER BY id FOR KEY SHARE;
        INSERT INTO impact_rollup (organisation_id, metric_id, quarter)
          SELECT DISTINCT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING;
        PERFORM 1 FROM impact_rollup r WHERE (r.organisation_id, r.metric_id, r.quarter) IN (SELECT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k)
          ORDER BY r.organisation_id, r.metric_id, r.quarter FOR UPDATE;
        WITH k AS (SELECT DISTINCT u.organisation_id, u.metric_id, u.quarter FROM unnest(keys) u),
        fresh AS (
          SELECT k.organisation_id, k.metric_id, k.quarter, count(x.id)::int AS n, coalesce(sum(x.quantity), 0) AS quantity,
                 coalesce(sum(round(x.quantity * coalesce(p.value_per_unit_pence, 0))), 0)::bigint AS value,
                 max(x.period_end) AS latest_end,
                 (array_agg(x.quantity ORDER BY x.period_end DESC, x.created_at DESC, x.id DESC) FILTER (WHERE x.id IS NOT NULL))[1] AS latest_quantity
            FROM k
            LEFT JOIN impact_measurement x ON x.organisation_id = k.organisation_id AND x.metric_id = k.metric_id
             AND x.period_end >= k.quarter AND x.period_end < (k.quarter + interval '3 months')::date
            LEFT JOIN LATERAL (SELECT v.value_per_unit_pence FROM impact_proxy_value v
                                WHERE v.metric_id = x.metric_id AND v.valid_from <= x.period_end ORDER BY v.valid_from DESC LIMIT 1) p ON true
           GROUP BY 1, 2, 3)
        UPDATE impact_rollup r SET measurements = f.n, quantity = f.quantity, social_value_pence = f.value,
               latest_end = f.latest_end, latest_quantity = f.latest_quantity
          FROM fresh f WHERE r.organisation_id = f.organisation_id AND r.metric_id = f.metric_id AND r.quarter = f.quarter;
        DELETE FROM impact_rollup r WHERE r.measurements = 0
           AND (r.organisation_id, r.metric_id, r.quarter) IN (SELECT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k);
      END $$`);

    const key = (t: string) => `ROW(${t}.organisation_id, ${t}.metric_id, date_trunc('quarter', ${t}.period_end)::date)::impact_rollup_key`;
    await q.query(`
      CREATE FUNCTION impact_rollup_measurements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM impact_rollup_refresh(ARRAY(SELECT ${key("n")} FROM new_rows n));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM impact_rollup_refresh(ARRAY(SELECT ${key("o")} FROM old_rows o));
        ELSE
          -- Verifying a measurement changes nothing the rollup holds: only rows whose figures moved count.
          PERFORM impact_rollup_refresh(ARRAY(
            SELECT ${key("o")} FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
             WHERE (n.organisation_id, n.metric_id, n.period_end, n.quantity, n.created_at) IS DISTINCT FROM (o.organisation_id, o.metric_id, o.period_end, o.quantity, o.created_at)
            UNION
            SELECT ${key("n")} FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
             WHERE (n.organisation_id, n.metric_id, n.period_end, n.quantity, n.created_at) IS DISTINCT FROM (o.organisation_id, o.metric_id, o.period_end, o.quantity, o.created_at)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER impact_rollup_on_insert AFTER INSERT ON impact_measurement REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_measurements_changed()`);
    await q.query(`CREATE TRIGGER impact_rollup_on_update AFTER UPDATE ON impact_measurement REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_measurements_changed()`);
    await q.query(`CREATE TRIGGER impact_rollup_on_delete AFTER DELETE ON impact_measurement REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_measurements_changed()`);
    await q.query(`
      CREATE FUNCTION impact_rollup_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM impact_rollup; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER impact_rollup_on_truncate AFTER TRUNCATE ON impact_measurement FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_truncated()`);

    // A new proxy version revalues the measure's quarters from the one it takes effect in (proxy values are insert-only).
    // Locking the measure FOR UPDATE queues this behind every transaction writing its measurements (and them behind it).
    await q.query(`
      CREATE FUNCTION impact_rollup_revalue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM impact_metric WHERE id IN (SELECT n.metric_id FROM new_rows n) ORDER BY id FOR UPDATE;
        PERFORM impact_rollup_refresh(ARRAY(
          SELECT DISTINCT ROW(r.organisation_id, r.metric_id, r.quarter)::impact_rollup_key
            FROM impact_rollup r JOIN new_rows n ON n.metric_id = r.metric_id AND r.quarter >= date_trunc('quarter', n.valid_from)::date));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER impact_rollup_on_proxy_value AFTER INSERT ON impact_proxy_value REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_revalue()`);

    // The rollup of what is there already, in one pass.
    await q.query(`
      INSERT INTO impact_rollup (organisation_id, metric_id, quarter, measurements, quantity, social_value_pence, latest_end, latest_quantity)
      SELECT x.organisation_id, x.metric_id, date_trunc('quarter', x.period_end)::date, count(*), sum(x.quantity),
             sum(round(x.quantity * coalesce(p.value_per_unit_pence, 0)))::bigint, max(x.period_end),
             (array_agg(x.quantity ORDER BY x.period_end DESC, x.created_at DESC, x.id DESC))[1]
        FROM impact_measurement x
        LEFT JOIN (SELECT metric_id, value_per_unit_pence, valid_from,
                          coalesce(lead(valid_from) OVER (PARTITION BY metric_id ORDER BY valid_from), 'infinity'::date) AS valid_until
                     FROM impact_proxy_value) p ON p.metric_id = x.metric_id AND x.period_end >= p.valid_from AND x.period_end < p.valid_until
       GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER impact_rollup_on_proxy_value ON impact_proxy_value`);
    for (const t of ["insert", "update", "delete", "truncate"]) await q.query(`DROP TRIGGER impact_rollup_on_${t} ON impact_measurement`);
    await q.query(`DROP FUNCTION impact_rollup_revalue, impact_rollup_truncated, impact_rollup_measurements_changed, impact_rollup_refresh`);
    await q.query(`DROP TYPE impact_rollup_key`);
    await q.query(`DROP TABLE impact_rollup`);
  }
}
