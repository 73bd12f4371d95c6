-- The schema PostGraphile serves in the benchmark: views and functions over kith's tables that return what kith's
-- API returns for the benchmarked operations (same rows, same order, same figures). Bench only; never migrated
-- into kith. Smart comments give views the primary and foreign keys PostgreSQL cannot record on a view. Every
-- function is LANGUAGE sql, STABLE, without SET or SECURITY DEFINER, so PostgreSQL can inline the set-returning
-- ones into PostGraphile's statement (the role reads kith's tables itself, so none needs to run as its owner).
CREATE SCHEMA kith_bench;

CREATE VIEW kith_bench.place AS
  SELECT id, kind, code, name, parent_id FROM public.place;
COMMENT ON VIEW kith_bench.place IS E'@primaryKey id\n@foreignKey (parent_id) references kith_bench.place (id)';

-- sort_name is kith's directory order key (lower(name), then id), served by organisation_name_idx.
CREATE VIEW kith_bench.organisation AS
  SELECT id, name, lower(name) AS sort_name, legal_form, sto_status, registered_place_id, archived_at, updated_at
  FROM public.organisation;
COMMENT ON VIEW kith_bench.organisation IS
  E'@primaryKey id\n@foreignKey (registered_place_id) references kith_bench.place (id)';

CREATE VIEW kith_bench.cluster AS
  SELECT id, name, lower(name) AS sort_name, kind, status FROM public.cluster;
COMMENT ON VIEW kith_bench.cluster IS E'@primaryKey id';

CREATE VIEW kith_bench.fund AS
  SELECT id, name, lower(name) AS sort_name FROM public.fund;
COMMENT ON VIEW kith_bench.fund IS E'@primaryKey id';

-- Money as kith's Money type shows it: whole pence, one currency (kith's money() is always GBP).
CREATE VIEW kith_bench.agreement AS
  SELECT id, organisation_id, fund_id, status, amount_pence, cash_repayable_pence,
         amount_pence - cash_repayable_pence AS social_repayable_pence, 'GBP'::text AS currency,
         awarded_on, updated_at
  FROM public.agreement;
COMMENT ON VIEW kith_bench.agreement IS E'@primaryKey id\n'
  '@foreignKey (organisation_id) references kith_bench.organisation (id)\n'
  '@foreignKey (fund_id) references kith_bench.fund (id)';

-- Fund figures summed from the ledger exactly as kith's fundFigures() does (src/modules/funds/ledger/figures.ts):
-- net postings per account kind and movement kind; awarded = live agreements' amounts plus what ended ones drew;
-- recycled = allocations from lots of generation > 1; available = contributed - awarded + repaid cash.
CREATE VIEW kith_bench.fund_figures AS
  SELECT f.id AS fund_id,
         flows.contributed AS contributed_pence,
         awarded.pence AS awarded_pence,
         flows.disbursed AS disbursed_pence,
         flows.repaid_cash AS repaid_cash_pence,
         flows.repaid_social AS repaid_social_pence,
         flows.written_off AS written_off_pence,
         recycled.pence AS recycled_pence,
         flows.contributed - awarded.pence + flows.repaid_cash AS available_pence
  FROM public.fund f
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(n.net) FILTER (WHERE n.account = 'POOL' AND n.movement = 'CONTRIBUTION'), 0)::bigint AS contributed,
           coalesce(-sum(n.net) FILTER (WHERE n.account = 'POOL' AND n.movement = 'DISBURSEMENT'), 0)::bigint AS disbursed,
           coalesce(sum(n.net) FILTER (WHERE n.account = 'POOL' AND n.movement = 'CASH_REPAYMENT'), 0)::bigint AS repaid_cash,
           coalesce(sum(n.net) FILTER (WHERE n.account = 'SOCIAL_REPAID' AND n.movement = 'SOCIAL_REPAYMENT'), 0)::bigint AS repaid_social,
           coalesce(sum(n.net) FILTER (WHERE n.account = 'WRITE_OFF' AND n.movement = 'WRITE_OFF'), 0)::bigint AS written_off
    FROM (
      SELECT a.kind AS account, g.kind AS movement, CASE p.direction WHEN 'DEBIT' THEN p.pence ELSE -p.pence END AS net
      FROM public.ledger_account a
      JOIN public.ledger_posting p ON p.account_id = a.id
      JOIN public.ledger_group g ON g.id = p.group_id
      WHERE a.fund_id = f.id AND a.kind IN ('POOL', 'SOCIAL_REPAID', 'WRITE_OFF')
    ) n
  ) flows
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(CASE WHEN ag.status IN ('OFFERED', 'ACTIVE') THEN ag.amount_pence ELSE coalesce(d.pence, 0) END), 0)::bigint AS pence
    FROM public.agreement ag
    LEFT JOIN LATERAL (
      SELECT sum(p.pence) AS pence FROM public.ledger_account a
      JOIN public.ledger_posting p ON p.account_id = a.id JOIN public.ledger_group g ON g.id = p.group_id
      WHERE a.agreement_id = ag.id AND g.kind = 'DISBURSEMENT'
    ) d ON ag.status NOT IN ('OFFERED', 'ACTIVE')
    WHERE ag.fund_id = f.id
  ) awarded
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(al.pence), 0)::bigint AS pence
    FROM public.fund_allocation al JOIN public.fund_lot l ON l.id = al.lot_id
    WHERE al.fund_id = f.id AND l.generation > 1
  ) recycled;
COMMENT ON VIEW kith_bench.fund_figures IS
  E'@primaryKey fund_id\n@foreignKey (fund_id) references kith_bench.fund (id)|@fieldName fund|@foreignFieldName figures';

-- Organisation.identifiers: org-id strings, in kith's order (by value).
CREATE FUNCTION kith_bench.organisation_identifiers(o kith_bench.organisation) RETURNS text[]
  LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(i.value ORDER BY i.value), '{}') FROM public.organisation_identifier i WHERE i.organisation_id = o.id
  $$;

-- Organisation.placesServed: a plain list like kith's, by name then id.
CREATE FUNCTION kith_bench.organisation_places_served(o kith_bench.organisation) RETURNS SETOF kith_bench.place
  LANGUAGE sql STABLE AS $$
    SELECT p.* FROM kith_bench.place p JOIN public.organisation_place_served s ON s.place_id = p.id
    WHERE s.organisation_id = o.id ORDER BY p.name, p.id
  $$;
COMMENT ON FUNCTION kith_bench.organisation_places_served(kith_bench.organisation) IS E'@behavior -connection +list';

-- Organisation.clusters: the clusters it is a member of now (an open membership period), by lower(name) then id.
CREATE FUNCTION kith_bench.organisation_clusters(o kith_bench.organisation) RETURNS SETOF kith_bench.cluster
  LANGUAGE sql STABLE AS $$
    SELECT c.* FROM kith_bench.cluster c JOIN public.cluster_membership m ON m.cluster_id = c.id AND m.left_on IS NULL
    WHERE m.organisation_id = o.id ORDER BY c.sort_name, c.id
  $$;

-- The directory's search and place filter, as kith's listOrganisations() applies them: words found in the register
-- match by full text or part of a name; when none is, the search is read as a typo (trigram word similarity at
-- the role's pg_trgm.word_similarity_threshold, as on kith's connections); a search without a letter or digit
-- matches nothing; a place matches itself and every place inside it, by registration or by places served;
-- archived organisations are left out; by name, then id. kith decides between exact and typo matching with a
-- statement of its own; here that decision is a one-time subquery inside PostGraphile's statement.
CREATE FUNCTION kith_bench.search_organisations(search text, place_ids uuid[] DEFAULT NULL) RETURNS SETOF kith_bench.organisation
  LANGUAGE sql STABLE AS $$
    WITH RECURSIVE within AS (
      SELECT id FROM public.place WHERE id = ANY(place_ids)
      UNION SELECT p.id FROM public.place p JOIN within w ON p.parent_id = w.id
    ), found AS MATERIALIZED (
      SELECT EXISTS (SELECT 1 FROM public.organisation x WHERE x.archived_at IS NULL
        AND (x.search_document @@ websearch_to_tsquery('english'::regconfig, btrim(search))
             OR x.name ILIKE '%' || regexp_replace(btrim(search), '([\\%_])', '\\\1', 'g') || '%')) AS exact
    )
    SELECT o.id, o.name, lower(o.name), o.legal_form, o.sto_status, o.registered_place_id, o.archived_at, o.updated_at
    FROM public.organisation o
    WHERE o.archived_at IS NULL
      AND btrim(search) ~ '[[:alnum:]]'
      AND (((SELECT exact FROM found) AND (o.search_document @@ websearch_to_tsquery('english'::regconfig, btrim(search))
                                           OR o.name ILIKE '%' || regexp_replace(btrim(search), '([\\%_])', '\\\1', 'g') || '%'))
           OR (NOT (SELECT exact FROM found) AND btrim(search) <% o.name))
      AND (place_ids IS NULL OR o.registered_place_id = ANY(ARRAY(SELECT id FROM within))
           OR EXISTS (SELECT 1 FROM public.organisation_place_served s
                      WHERE s.organisation_id = o.id AND s.place_id = ANY(ARRAY(SELECT id FROM within))))
    ORDER BY lower(o.name), o.id
  $$;
