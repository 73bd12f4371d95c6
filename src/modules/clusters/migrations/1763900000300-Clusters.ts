// Clusters (by place, cause or community of interest), membership periods, and peer panels drawn from clusters.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Clusters1763900000300 implements MigrationInterface {
  name = "Clusters1763900000300";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cluster (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 5000),
        kind text NOT NULL CHECK (kind IN ('PLACE','CAUSE','COMMUNITY_OF_INTEREST')),
        place_id uuid REFERENCES place(id),
        cause text CHECK (cause IN ('ARTS_AND_CULTURE','COMMUNITY_SPACE','DIGITAL_INCLUSION','EMPLOYMENT_AND_SKILLS',
          'ENERGY','ENVIRONMENT','FINANCIAL_INCLUSION','FOOD','HEALTH_AND_WELLBEING','HERITAGE','HOUSING','OLDER_PEOPLE',
          'SPORT_AND_LEISURE','TRANSPORT','YOUTH')),
        interest text CHECK (length(btrim(interest)) BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'FORMING' CHECK (status IN ('FORMING','ACTIVE','DORMANT','CLOSED')),
        closed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Never by sector: each kind names what brings its organisations together.
        CONSTRAINT cluster_kind_place_check CHECK (kind <> 'PLACE' OR place_id IS NOT NULL),
        CONSTRAINT cluster_kind_cause_check CHECK ((kind = 'CAUSE') = (cause IS NOT NULL)),
        CONSTRAINT cluster_kind_interest_check CHECK ((kind = 'COMMUNITY_OF_INTEREST') = (interest IS NOT NULL)),
        CONSTRAINT cluster_closed_check CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX cluster_name_idx ON cluster (lower(name), id)`);
    await q.query(`CREATE INDEX cluster_kind_idx ON cluster (kind)`);
    await q.query(`CREATE INDEX cluster_place_idx ON cluster (place_id)`);
    await q.query(`CREATE INDEX cluster_status_idx ON cluster (status)`);
    // The clusters search (ILIKE on name, description and interest) uses trigrams over the same expression.
    await q.query(`CREATE INDEX cluster_search_idx ON cluster
      USING gin ((name || ' ' || coalesce(description, '') || ' ' || coalesce(interest, '')) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE cluster_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster_id uuid NOT NULL REFERENCES cluster(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        role text NOT NULL CHECK (role IN ('MEMBER','FACILITATOR')),
        joined_on date NOT NULL,
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (left_on >= joined_on)
      )`);
    // At most one open period per organisation and cluster: rejoining after leaving is a new row.
    await q.query(`CREATE UNIQUE INDEX cluster_membership_open_key ON cluster_membership (cluster_id, organisation_id)
      WHERE left_on IS NULL`);
    await q.query(`CREATE INDEX cluster_membership_cluster_idx ON cluster_membership (cluster_id, joined_on)`);
    await q.query(`CREATE INDEX cluster_membership_organisation_idx ON cluster_membership (organisation_id, joined_on)`);

    await q.query(`
      CREATE TABLE peer_panel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'FORMING' CHECK (status IN ('FORMING','ACTIVE','CLOSED')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX peer_panel_created_idx ON peer_panel (created_at, id)`);
    await q.query(`
      CREATE TABLE peer_panel_cluster (
        panel_id uuid NOT NULL REFERENCES peer_panel(id),
        cluster_id uuid NOT NULL REFERENCES cluster(id),
        PRIMARY KEY (panel_id, cluster_id)
      )`);
    await q.query(`CREATE INDEX peer_panel_cluster_cluster_idx ON peer_panel_cluster (cluster_id)`);
    await q.query(`
      CREATE TABLE peer_panel_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        panel_id uuid NOT NULL REFERENCES peer_panel(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        organisation_id uuid REFERENCES organisation(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        CHECK (removed_at >= added_at)
      )`);
    // A person sits on a panel once at a time; who sat when stays on record for the decisions they took part in.
    await q.query(`CREATE UNIQUE INDEX peer_panel_member_current_key ON peer_panel_member (panel_id, user_id)
      WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX peer_panel_member_panel_idx ON peer_panel_member (panel_id, added_at)`);
    await q.query(`CREATE INDEX peer_panel_member_user_idx ON peer_panel_member (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE peer_panel_member`);
    await q.query(`DROP TABLE peer_panel_cluster`);
    await q.query(`DROP TABLE peer_panel`);
    await q.query(`DROP TABLE cluster_membership`);
    await q.query(`DROP TABLE cluster`);
  }
}
