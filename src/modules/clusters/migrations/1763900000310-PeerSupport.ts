// Cluster life: gatherings with attendance, peer offers and needs, and the exchanges that accepted matches record.
import { MigrationInterface, QueryRunner } from "typeorm";

const SKILLS = `'FINANCE','GOVERNANCE','MARKETING','LEGAL','SPACE','EQUIPMENT','INTERIM_STAFF','MENTORING','DIGITAL',
  'PEOPLE_AND_HR','IMPACT_MEASUREMENT','COMMUNITY_ASSETS'`;

export class PeerSupport1763900000310 implements MigrationInterface {
  name = "PeerSupport1763900000310";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gathering (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster_id uuid NOT NULL REFERENCES cluster(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        online boolean NOT NULL DEFAULT false,
        place_id uuid REFERENCES place(id),
        venue text CHECK (length(venue) <= 300),
        topic text NOT NULL CHECK (length(btrim(topic)) BETWEEN 1 AND 300),
        notes text CHECK (length(notes) <= 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT gathering_ends_check CHECK (ends_at > starts_at),
        CONSTRAINT gathering_where_check CHECK (online OR place_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX gathering_cluster_idx ON gathering (cluster_id, starts_at, id)`);
    await q.query(`
      CREATE TABLE gathering_attendance (
        gathering_id uuid NOT NULL REFERENCES gathering(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        people int NOT NULL CHECK (people BETWEEN 1 AND 1000),
        PRIMARY KEY (gathering_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX gathering_attendance_organisation_idx ON gathering_attendance (organisation_id)`);

    await q.query(`
      CREATE TABLE peer_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind text NOT NULL CHECK (kind IN ('OFFER','NEED')),
        skill text NOT NULL CHECK (skill IN (${SKILLS})),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 1000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CONSTRAINT peer_post_closed_check CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX peer_post_organisation_idx ON peer_post (organisation_id, created_at)`);
    // Matching looks up open offers by skill.
    await q.query(`CREATE INDEX peer_post_open_idx ON peer_post (kind, skill, created_at) WHERE status = 'OPEN'`);

    await q.query(`
      CREATE TABLE peer_exchange (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES peer_post(id),
        offer_id uuid NOT NULL REFERENCES peer_post(id),
        giver_id uuid NOT NULL REFERENCES organisation(id),
        receiver_id uuid NOT NULL REFERENCES organisation(id),
        status text NOT NULL DEFAULT 'AGREED' CHECK (status IN ('AGREED','COMPLETED')),
        agreed_on date NOT NULL,
        completed_on date,
        hours_given int CHECK (hours_given BETWEEN 0 AND 10000),
        outcome text CHECK (length(btrim(outcome)) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT peer_exchange_parties_check CHECK (giver_id <> receiver_id),
        CONSTRAINT peer_exchange_completed_check
          CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL AND hours_given IS NOT NULL AND outcome IS NOT NULL)),
        CONSTRAINT peer_exchange_dates_check CHECK (completed_on >= agreed_on)
      )`);
    // One exchange per accepted match.
    await q.query(`CREATE UNIQUE INDEX peer_exchange_match_key ON peer_exchange (need_id, offer_id)`);
    await q.query(`CREATE INDEX peer_exchange_giver_idx ON peer_exchange (giver_id, completed_on)`);
    await q.query(`CREATE INDEX peer_exchange_receiver_idx ON peer_exchange (receiver_id, completed_on)`);
    await q.query(`CREATE INDEX peer_exchange_offer_idx ON peer_exchange (offer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE peer_exchange`);
    await q.query(`DROP TABLE peer_post`);
    await q.query(`DROP TABLE gathering_attendance`);
    await q.query(`DROP TABLE gathering`);
  }
}
