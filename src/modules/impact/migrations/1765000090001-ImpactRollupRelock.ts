// impact_rollup_refresh (migration 1765000070000) locked each key's rollup row after inserting it if missing; a writer
// that emptied the key (its row deleted) and committed while this one waited left the lock with no row, and this
// writer's recomputation updated nothing: its measurements went uncounted until the key's next write. Found by
// tests/impact/rollup.test.ts ("quarters of a year", inserts racing deletes that empty a quarter). The function now
// inserts and locks again until it holds every key's row.
import { MigrationInterface, QueryRunner } from "typeorm";

const NO_PLACE = "00000000-0000-0000-0000-000000000000";

export class ImpactRollupRelock1765000090001 implements MigrationInterface {
  name = "ImpactRollupRelock1765000090001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE OR REPLACE FUNCTION impact_rollup_refresh(keys impact_rollup_key[]) RETURNS void LANGUAGE plpgsql AS $$
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
  }

  async down(q: QueryRunner): Promise<void> {
    // The earlier definition, as migration 1765000070000 made it.
    await q.query(`
CREATE OR REPLACE FUNCTION impact_rollup_refresh(keys impact_rollup_key[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE before jsonb;
      BEGIN
        IF coalesce(cardinality(keys), 0) = 0 THEN RETURN; END IF;
        PERFORM 1 FROM impact_metric WHERE id IN (SELECT DISTINCT k.metric_id FROM unnest(keys) k) ORDER BY id FOR KEY SHARE;
        PERFORM 1 FROM organisation WHERE id IN (SELECT DISTINCT k.organisation_id FROM unnest(keys) k) ORDER BY id FOR SHARE;
        INSERT INTO impact_rollup (organisation_id, metric_id, quarter)
          SELECT DISTINCT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING;
        PERFORM 1 FROM impact_rollup r WHERE (r.organisation_id, r.metric_id, r.quarter) IN (SELECT k.organisation_id, k.metric_id, k.quarter FROM unnest(keys) k)
          ORDER BY r.organisation_id, r.metric_id, r.quarter FOR UPDATE;
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
  }
}
