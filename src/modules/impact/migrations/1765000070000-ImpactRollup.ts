// Impact's rollups, kept by PostgreSQL so every writer (services, imports, seeds) keeps them current without knowing:
// - impact_rollup: per organisation, measure and quarter (of the period's end) the count, quantity, social value at the
//   proxy in force at each period's end, and the latest figure. Statement triggers on impact_measurement and
//   impact_proxy_value recompute the keys a statement touched from the raw rows (never accumulated deltas).
// - impact_place_rollup: the same sums per registered place, measure and quarter (about places × measures × quarters
//   rows), and impact_presence: which organisation reported in which quarter. Both change by the difference each
//   recomputation made, and a change of an organisation's registered place moves its sums between places, so neither
//   can drift from impact_rollup and the register.
import { MigrationInterface, QueryRunner } from "typeorm";

/** Where an organisation with no registered place is kept (the summary uses the same key). */
const NO_PLACE = "00000000-0000-0000-0000-000000000000";

export class ImpactRollup1765000070000 implements MigrationInterface {
  name = "ImpactRollup1765000070000";

  async up(q: QueryRunner): Promise<void> {
    // Building the rollups of a large register (1,000,000 measurements) takes longer than a request may: the limit is
    // lifted for this migration's own transaction only.
    await q.query("SET LOCAL statement_timeout = 0");
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
    // LATEST measures are read per organisation from the rollup, by measure.
    await q.query(`CREATE INDEX impact_rollup_metric_idx ON impact_rollup (metric_id, quarter) INCLUDE (organisation_id, latest_quantity)`);
    await q.query(`
      CREATE TABLE impact_place_rollup (
        place_id uuid NOT NULL,
        metric_id uuid NOT NULL,
        quarter date NOT NULL,
        measurements bigint NOT NULL,
        quantity numeric NOT NULL,
        social_value_pence bigint NOT NULL,
        PRIMARY KEY (place_id, metric_id, quarter)
      )`);
    await q.query(`
      CREATE TABLE impact_presence (
        organisation_id uuid NOT NULL,
        quarter date NOT NULL,
        measures int NOT NULL,
        PRIMARY KEY (organisation_id, quarter)
      )`);
    await q.query(`CREATE INDEX impact_presence_quarter_idx ON impact_presence (quarter) INCLUDE (organisation_id)`);
    // Adds per-key differences to the place rollup and presence: additions commute, so concurrent writers of other keys
    // of the same place or organisation-quarter need no ordering; rows that fall to nothing go.
    await q.query(`
      CREATE FUNCTION impact_rollup_apply(d jsonb) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO impact_place_rollup AS t (place_id, metric_id, quarter, measurements, quantity, social_value_pence)
          SELECT x.place_id, x.metric_id, x.quarter, sum(x.n), sum(x.quantity), sum(x.value)
            FROM jsonb_to_recordset(d) AS x(place_id uuid, organisation_id uuid, metric_id uuid, quarter date, n bigint, quantity numeric, value bigint, present int)
           GROUP BY 1, 2, 3 HAVING sum(x.n) <> 0 OR sum(x.quantity) <> 0 OR sum(x.value) <> 0 ORDER BY 1, 2, 3
          ON CONFLICT (place_id, metric_id, quarter) DO UPDATE SET measurements = t.measurements + excluded.measurements,
             quantity = t.quantity + excluded.quantity, social_value_pence = t.social_value_pence + excluded.social_value_pence;
        DELETE FROM impact_place_rollup t USING jsonb_to_recordset(d) AS x(place_id uuid, metric_id uuid, quarter date)
         WHERE t.place_id = x.place_id AND t.metric_id = x.metric_id AND t.quarter = x.quarter AND t.measurements = 0;
        INSERT INTO impact_presence AS t (organisation_id, quarter, measures)
          SELECT x.organisation_id, x.quarter, sum(x.present) FROM jsonb_to_recordset(d) AS x(organisation_id uuid, quarter date, present int)
           GROUP BY 1, 2 HAVING sum(x.present) <> 0 ORDER BY 1, 2
          ON CONFLICT (organisation_id, quarter) DO UPDATE SET measures = t.measures + excluded.measures;
        DELETE FROM impact_presence t USING jsonb_to_recordset(d) AS x(organisation_id uuid, quarter date)
         WHERE t.organisation_id = x.organisation_id AND t.quarter = x.quarter AND t.measures = 0;
      END $$`);
    await q.query(`CREATE TYPE impact_rollup_key AS (organisation_id uuid, metric_id uuid, quarter date)`);

    // Recomputes the keys given from the raw rows. Writers of the same key queue on its rollup row (inserted empty if
    // new, then locked in key order), so each recomputation starts after the previous writer committed and, under
    // READ COMMITTED, sees its rows; under REPEATABLE READ the conflict is a serialization failure, never a stale sum.
    // A KEY SHARE lock on the measures makes a proxy value being added (which locks its measure FOR UPDATE) wait for
    // this transaction, or this one wait for it, so no period is valued at a proxy about to be superseded. A SHARE lock
    // on the organisations does the same with a change of registered place (an UPDATE of the organisation), so the
    // place a difference is added to is the place the organisation's sums are kept under.
    await q.query(`
      CREATE FUNCTION impact_rollup_refresh(keys impact_rollup_key[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE before jsonb; locked bigint;
      BEGIN
        IF coalesce(cardinality(keys), 0) = 0 THEN RETURN; END IF;
        PERFORM 1 FROM impact_metric WHERE id IN (SELECT DISTINCT k.metric_id FROM unnest(keys) k) ORDER BY id FOR KEY SHARE;
        PERFORM 1 FROM organisation WHERE id IN (SELECT DISTINCT k.organisation_id FROM unnest(keys) k) ORDER BY id FOR SHARE;
        -- A key's row can be deleted (emptied) by a writer committing while this one waits for its lock: the lock then
        -- finds no row, so the row is inserted again and the keys locked again until every key's row is held.
        LOOP
          INSERT INTO impact_rollup (organisation_id, metric_id, quarter)
            SELECT DISTINCT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING;
          PERFORM 1 FROM impact_rollup r WHERE (r.organisation_id, r.metric_id, r.quarter) IN (SELECT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k)
            ORDER BY r.organisation_id, r.metric_id, r.quarter FOR UPDATE;
          GET DIAGNOSTICS locked = ROW_COUNT;
          EXIT WHEN locked = (SELECT count(*) FROM (SELECT DISTINCT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k) d);
        END LOOP;
        SELECT jsonb_agg(jsonb_build_object('organisation_id', r.organisation_id, 'metric_id', r.metric_id, 'quarter', r.quarter,
                 'n', r.measurements, 'quantity', r.quantity, 'value', r.social_value_pence))
          INTO before FROM impact_rollup r
         WHERE (r.organisation_id, r.metric_id, r.quarter) IN (SELECT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k);
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
        PERFORM impact_rollup_apply((
          SELECT jsonb_agg(jsonb_build_object('place_id', coalesce(o.registered_place_id, '${NO_PLACE}'::uuid), 'organisation_id', r.organisation_id,
                   'metric_id', r.metric_id, 'quarter', r.quarter, 'n', r.measurements - b.n, 'quantity', r.quantity - b.quantity,
                   'value', r.social_value_pence - b.value, 'present', (r.measurements > 0)::int - (b.n > 0)::int))
            FROM impact_rollup r
            JOIN jsonb_to_recordset(before) AS b(organisation_id uuid, metric_id uuid, quarter date, n bigint, quantity numeric, value bigint)
              ON b.organisation_id = r.organisation_id AND b.metric_id = r.metric_id AND b.quarter = r.quarter
            JOIN organisation o ON o.id = r.organisation_id));
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
      BEGIN DELETE FROM impact_rollup; DELETE FROM impact_place_rollup; DELETE FROM impact_presence; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER impact_rollup_on_truncate AFTER TRUNCATE ON impact_measurement FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_truncated()`);

    // An organisation that changes registered place takes its sums with it. Its rollup rows are locked first, so a
    // writer mid-way on them finishes before (and any later one waits on the organisation row, see above).
    await q.query(`
      CREATE FUNCTION impact_rollup_organisation_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM impact_rollup r WHERE r.organisation_id = NEW.id ORDER BY r.metric_id, r.quarter FOR UPDATE;
        PERFORM impact_rollup_apply((
          SELECT jsonb_agg(jsonb_build_object('place_id', side.place, 'metric_id', r.metric_id, 'quarter', r.quarter,
                   'n', side.sign * r.measurements, 'quantity', side.sign * r.quantity, 'value', side.sign * r.social_value_pence, 'present', 0))
            FROM impact_rollup r
            CROSS JOIN (VALUES (coalesce(OLD.registered_place_id, '${NO_PLACE}'::uuid), -1), (coalesce(NEW.registered_place_id, '${NO_PLACE}'::uuid), 1)) AS side(place, sign)
           WHERE r.organisation_id = NEW.id));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER impact_rollup_on_organisation_moved AFTER UPDATE OF registered_place_id ON organisation
      FOR EACH ROW WHEN (OLD.registered_place_id IS DISTINCT FROM NEW.registered_place_id) EXECUTE FUNCTION impact_rollup_organisation_moved()`);

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
    await q.query(`
      INSERT INTO impact_place_rollup (place_id, metric_id, quarter, measurements, quantity, social_value_pence)
      SELECT coalesce(o.registered_place_id, '${NO_PLACE}'::uuid), r.metric_id, r.quarter, sum(r.measurements), sum(r.quantity), sum(r.social_value_pence)
        FROM impact_rollup r JOIN organisation o ON o.id = r.organisation_id GROUP BY 1, 2, 3`);
    await q.query(`INSERT INTO impact_presence (organisation_id, quarter, measures) SELECT organisation_id, quarter, count(*) FROM impact_rollup GROUP BY 1, 2`);
    // Plans over the new tables should know their size from the start rather than after autovacuum's first visit.
    await q.query(`ANALYZE impact_rollup, impact_place_rollup, impact_presence`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER impact_rollup_on_proxy_value ON impact_proxy_value`);
    await q.query(`DROP TRIGGER impact_rollup_on_organisation_moved ON organisation`);
    for (const t of ["insert", "update", "delete", "truncate"]) await q.query(`DROP TRIGGER impact_rollup_on_${t} ON impact_measurement`);
    await q.query(`DROP FUNCTION impact_rollup_revalue, impact_rollup_truncated, impact_rollup_measurements_changed, impact_rollup_refresh,
      impact_rollup_organisation_moved, impact_rollup_apply`);
    await q.query(`DROP TYPE impact_rollup_key`);
    await q.query(`DROP TABLE impact_rollup, impact_place_rollup, impact_presence`);
  }
}
