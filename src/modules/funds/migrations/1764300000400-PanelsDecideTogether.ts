// Peer panels decide together: each round's decision rule (quorum and majority), abstentions, cluster connections
// shown on views instead of excluding them, and the tally and any ADMIN override kept with each decision.
import { MigrationInterface, QueryRunner } from "typeorm";

export class PanelsDecideTogether1764300000400 implements MigrationInterface {
  name = "PanelsDecideTogether1764300000400";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fund_round
      ADD COLUMN quorum int NOT NULL DEFAULT 3 CHECK (quorum BETWEEN 1 AND 50),
      ADD COLUMN majority_rule text NOT NULL DEFAULT 'SIMPLE_MAJORITY' CHECK (majority_rule IN ('SIMPLE_MAJORITY','TWO_THIRDS'))`);

    // An ADMIN override may be taken without quorum, even on no counted view.
    await q.query(`ALTER TABLE panel_decision DROP CONSTRAINT panel_decision_views_counted_check`);
    await q.query(`ALTER TABLE panel_decision ADD CONSTRAINT panel_decision_views_counted_check CHECK (views_counted >= 0)`);
    await q.query(`ALTER TABLE panel_decision
      ADD COLUMN votes_for int NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
      ADD COLUMN votes_against int NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
      ADD COLUMN abstentions int NOT NULL DEFAULT 0 CHECK (abstentions >= 0),
      ADD COLUMN excluded_for text[] NOT NULL DEFAULT '{}',
      ADD COLUMN quorum int NOT NULL DEFAULT 1 CHECK (quorum >= 1),
      ADD COLUMN majority_rule text NOT NULL DEFAULT 'SIMPLE_MAJORITY' CHECK (majority_rule IN ('SIMPLE_MAJORITY','TWO_THIRDS')),
      ADD COLUMN override_reason text CHECK (length(btrim(override_reason)) BETWEEN 1 AND 5000)`);
    // Decisions taken before the rule rested on one counted view: their tally is read back from the views (before a
    // shared cluster stops excluding, so the count stays what it was; that reason is not carried into the tally).
    await q.query(`UPDATE panel_decision d SET
      votes_for = (SELECT count(*) FROM panel_view v WHERE v.application_id = d.application_id AND v.conflict IS NULL AND v.stance IN ('SUPPORT','SUPPORT_WITH_CHANGES')),
      votes_against = (SELECT count(*) FROM panel_view v WHERE v.application_id = d.application_id AND v.conflict IS NULL AND v.stance = 'DO_NOT_SUPPORT'),
      excluded_for = coalesce((SELECT array_agg(v.conflict ORDER BY v.recorded_at) FROM panel_view v
        WHERE v.application_id = d.application_id AND v.conflict IS NOT NULL AND v.conflict <> 'SHARED_CLUSTER'), '{}')`);
    await q.query(`ALTER TABLE panel_decision ADD CONSTRAINT panel_decision_tally_check
      CHECK (votes_for + votes_against + abstentions = views_counted AND cardinality(excluded_for) <= views_excluded)`);

    await q.query(`ALTER TABLE panel_view DROP CONSTRAINT panel_view_stance_check`);
    await q.query(`ALTER TABLE panel_view ADD CONSTRAINT panel_view_stance_check
      CHECK (stance IN ('SUPPORT','SUPPORT_WITH_CHANGES','DO_NOT_SUPPORT','ABSTAIN'))`);
    // A shared cluster no longer excludes a view: it becomes a connection shown to the panel.
    await q.query(`ALTER TABLE panel_view ADD COLUMN shared_clusters text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE panel_view v SET conflict = NULL, shared_clusters = coalesce((
        SELECT array_agg(c.name ORDER BY c.name) FROM cluster c
         WHERE EXISTS (SELECT 1 FROM cluster_membership x WHERE x.cluster_id = c.id AND x.organisation_id = v.member_organisation_id)
           AND EXISTS (SELECT 1 FROM cluster_membership y JOIN funding_application a ON a.organisation_id = y.organisation_id
                        WHERE y.cluster_id = c.id AND a.id = v.application_id)), '{}')
      WHERE conflict = 'SHARED_CLUSTER'`);
    await q.query(`ALTER TABLE panel_view DROP CONSTRAINT panel_view_conflict_check`);
    await q.query(`ALTER TABLE panel_view ADD CONSTRAINT panel_view_conflict_check
      CHECK (conflict IN ('SAME_ORGANISATION','TRADING_RELATIONSHIP','DECLARED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE panel_decision DROP CONSTRAINT panel_decision_tally_check`);
    await q.query(`ALTER TABLE panel_decision DROP COLUMN votes_for, DROP COLUMN votes_against, DROP COLUMN abstentions,
      DROP COLUMN excluded_for, DROP COLUMN quorum, DROP COLUMN majority_rule, DROP COLUMN override_reason`);
    await q.query(`ALTER TABLE panel_view DROP COLUMN shared_clusters`);
    await q.query(`ALTER TABLE fund_round DROP COLUMN quorum, DROP COLUMN majority_rule`);
  }
}
