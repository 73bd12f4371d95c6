// Community decisions: processes (participatory budgets, resident ballots, panel decisions) with who delegated the power
// and whether the outcome binds, pitches, the voters' roll (a place, optional groups and barriers, and whether they have
// voted) and the votes themselves, insert-only and with nothing that names or dates a voter, and declared results.
import { MigrationInterface, QueryRunner } from "typeorm";

const KINDS = `('PARTICIPATORY_BUDGET','BALLOT','PANEL')`;
const STATUSES = `('DRAFT','OPEN','DECLARED')`;
const OUTCOMES = `('APPROVED','REJECTED','FUNDED','NOTHING_FUNDED','RECORDED')`;

export class Decisions1764100000770 implements MigrationInterface {
  name = "Decisions1764100000770";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_process (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ${KINDS}),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ${STATUSES}),
        effect text NOT NULL CHECK (effect IN ('BINDING','ADVISORY')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 5000),
        organiser_organisation_id uuid NOT NULL REFERENCES organisation(id),
        area_place_id uuid NOT NULL REFERENCES place(id),
        delegated_by text NOT NULL CHECK (length(btrim(delegated_by)) BETWEEN 1 AND 300),
        answers_to text NOT NULL CHECK (length(btrim(answers_to)) BETWEEN 1 AND 300),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        pot_pence bigint CHECK (pot_pence > 0),
        votes_per_voter int CHECK (votes_per_voter BETWEEN 1 AND 20),
        fund_round_id uuid REFERENCES fund_round(id),
        transfer_id uuid REFERENCES asset_transfer(id),
        housing_scheme_id uuid REFERENCES housing_scheme(id),
        question text CHECK (length(question) <= 1000),
        min_turnout_percent int CHECK (min_turnout_percent BETWEEN 0 AND 100),
        approval_percent int CHECK (approval_percent BETWEEN 1 AND 100),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decision_process_window_check CHECK (closes_at > opens_at),
        CONSTRAINT decision_process_budget_check CHECK (kind <> 'PARTICIPATORY_BUDGET'
          OR (pot_pence IS NOT NULL AND votes_per_voter IS NOT NULL AND transfer_id IS NULL AND housing_scheme_id IS NULL)),
        CONSTRAINT decision_process_ballot_check CHECK (kind <> 'BALLOT'
          OR ((transfer_id IS NULL) <> (housing_scheme_id IS NULL) AND question IS NOT NULL AND min_turnout_percent IS NOT NULL
              AND approval_percent IS NOT NULL AND pot_pence IS NULL AND fund_round_id IS NULL)),
        CONSTRAINT decision_process_panel_check CHECK (kind <> 'PANEL'
          OR (fund_round_id IS NOT NULL AND pot_pence IS NULL AND transfer_id IS NULL AND housing_scheme_id IS NULL))
      )`);
    await q.query(`CREATE INDEX decision_process_opens_idx ON decision_process (opens_at, id)`);
    await q.query(`CREATE INDEX decision_process_kind_idx ON decision_process (kind)`);
    await q.query(`CREATE INDEX decision_process_status_idx ON decision_process (status)`);
    await q.query(`CREATE INDEX decision_process_area_idx ON decision_process (area_place_id)`);
    await q.query(`CREATE INDEX decision_process_organiser_idx ON decision_process (organiser_organisation_id)`);
    await q.query(`CREATE INDEX decision_process_round_idx ON decision_process (fund_round_id)`);
    await q.query(`CREATE INDEX decision_process_transfer_idx ON decision_process (transfer_id)`);
    await q.query(`CREATE INDEX decision_process_scheme_idx ON decision_process (housing_scheme_id)`);

    await q.query(`
      CREATE TABLE decision_pitch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid NOT NULL REFERENCES decision_process(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        summary text NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 5000),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        votes int CHECK (votes >= 0),
        funded boolean,
        agreement_id uuid REFERENCES agreement(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decision_pitch_counted_check CHECK ((votes IS NULL) = (funded IS NULL)),
        CONSTRAINT decision_pitch_award_check CHECK (agreement_id IS NULL OR funded)
      )`);
    await q.query(`CREATE INDEX decision_pitch_process_idx ON decision_pitch (process_id, created_at, id)`);
    await q.query(`CREATE INDEX decision_pitch_organisation_idx ON decision_pitch (organisation_id)`);

    // The roll: who may vote and whether they have. No column says when, and nothing here points at a vote.
    await q.query(`
      CREATE TABLE decision_voter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid NOT NULL REFERENCES decision_process(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        place_id uuid NOT NULL REFERENCES place(id),
        groups text[] NOT NULL DEFAULT '{}',
        barriers text[] NOT NULL DEFAULT '{}',
        has_voted boolean NOT NULL DEFAULT false,
        CONSTRAINT decision_voter_once UNIQUE (process_id, user_id)
      )`);
    await q.query(`CREATE INDEX decision_voter_place_idx ON decision_voter (process_id, place_id)`);
    await q.query(`CREATE INDEX decision_voter_user_idx ON decision_voter (user_id)`);

    // The votes as cast: the process and the choice only (no voter, no time), never changed once written.
    await q.query(`
      CREATE TABLE decision_vote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid NOT NULL REFERENCES decision_process(id),
        choice text CHECK (choice IN ('YES','NO')),
        pitch_ids uuid[],
        CONSTRAINT decision_vote_one_form_check CHECK ((choice IS NULL) <> (pitch_ids IS NULL)),
        CONSTRAINT decision_vote_pitches_check CHECK (pitch_ids IS NULL OR cardinality(pitch_ids) BETWEEN 1 AND 20)
      )`);
    await q.query(`CREATE INDEX decision_vote_process_idx ON decision_vote (process_id, id)`);

    await q.query(`
      CREATE TABLE decision_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid NOT NULL REFERENCES decision_process(id),
        outcome text NOT NULL CHECK (outcome IN ${OUTCOMES}),
        electorate int NOT NULL CHECK (electorate >= 0),
        votes_cast int NOT NULL CHECK (votes_cast BETWEEN 0 AND electorate),
        yes_votes int CHECK (yes_votes >= 0),
        no_votes int CHECK (no_votes >= 0),
        turnout_met boolean,
        approval_met boolean,
        allocated_pence bigint CHECK (allocated_pence >= 0),
        applications_offered int,
        applications_declined int,
        applications_undecided int,
        offered_pence bigint,
        declared_on date NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        declared_by uuid REFERENCES app_user(id),
        CONSTRAINT decision_result_process_key UNIQUE (process_id)
      )`);
    await q.query(`CREATE INDEX decision_result_declared_idx ON decision_result (declared_on)`);

    await q.query(`
      CREATE FUNCTION decision_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% records cannot be changed or deleted', TG_TABLE_NAME; END $$`);
    for (const table of ["decision_vote", "decision_result"]) {
      await q.query(`CREATE TRIGGER ${table}_insert_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION decision_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION decision_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["decision_result", "decision_vote", "decision_voter", "decision_pitch", "decision_process"]) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION decision_refuse_change`);
  }
}
