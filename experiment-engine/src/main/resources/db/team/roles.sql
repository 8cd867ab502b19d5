-- Faultline team mode: the roles of the GameDay, enforced by PostgreSQL (docs/team-mode.md, "Roles").
-- Run once by the DBA, as the owner of the Faultline tables (faultline_owner) or a superuser, after
-- the first start of Faultline has created the tables; run it again after an upgrade of Faultline
-- that adds tables (it is safe to run any number of times). Needs the group role faultline_team
-- (CREATE ROLE faultline_team NOLOGIN; each participant: CREATE ROLE alice LOGIN PASSWORD '...'
-- IN ROLE faultline_team). The owner bypasses all of this: never run a GameDay as the owner.
--
-- Who may do what (the login's roles in team_role, for one GameDay or '*' for all of them):
--   start and record runs, GameDay runs, heartbeats, the journal mirror:  leader, operator
--   edit the plan (change or delete a stored GameDay, assign roles):      leader
--   write the retrospective (findings, outcomes, lessons, action items):  leader, scribe
--   write an observation (a note on the timeline):                        every role
--   revert a held fault from another desktop (mark it in the mirror):     leader, operator, on-call
--   press the team's kill switch:                                         everyone (even without a role)
--   release the team's kill switch:                                       leader, on-call
--   read everything:                                                      everyone
-- Audit entries can be added only under one's own login, and never changed or deleted.

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO faultline_team;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO faultline_team;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO faultline_team;
REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM faultline_team;
REVOKE UPDATE, DELETE ON audit_entry FROM faultline_team;
REVOKE UPDATE, DELETE ON store_halt FROM faultline_team;
GRANT UPDATE (released_at, released_by, release_note) ON store_halt TO faultline_team;

-- Whether the connected login holds one of the roles wanted for the GameDay named (NULL: in any
-- GameDay; '*' only a role for every GameDay counts).
CREATE OR REPLACE FUNCTION faultline_may(wanted TEXT[], gameday_name TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM team_role r
        WHERE r.login = current_user
          AND r.role = ANY (wanted)
          AND (r.gameday = '*' OR gameday_name IS NULL OR r.gameday = gameday_name))
$$;

-- The same for a row of a GameDay run (NULL: a row outside a GameDay, any GameDay's role counts; an
-- unknown GameDay run: only a role for every GameDay counts).
CREATE OR REPLACE FUNCTION faultline_may_in(wanted TEXT[], gameday_run_id TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN gameday_run_id IS NULL THEN faultline_may(wanted, NULL)
                ELSE faultline_may(wanted, COALESCE(
                        (SELECT g.name FROM gameday_run gr JOIN gameday g ON g.id = gr.gameday_id
                         WHERE gr.id = gameday_run_id), '')) END
$$;

-- A table everyone reads and only the given check lets write (check applies to new and changed rows,
-- and to the rows a DELETE may remove).
CREATE OR REPLACE FUNCTION pg_temp.faultline_guard(tbl TEXT, write_check TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('DROP POLICY IF EXISTS faultline_read ON %I', tbl);
    EXECUTE format('DROP POLICY IF EXISTS faultline_insert ON %I', tbl);
    EXECUTE format('DROP POLICY IF EXISTS faultline_update ON %I', tbl);
    EXECUTE format('DROP POLICY IF EXISTS faultline_delete ON %I', tbl);
    EXECUTE format('CREATE POLICY faultline_read ON %I FOR SELECT USING (true)', tbl);
    EXECUTE format('CREATE POLICY faultline_insert ON %I FOR INSERT WITH CHECK (%s)', tbl, write_check);
    -- USING (true): a refused change is an error, not a silent "0 rows"
    EXECUTE format('CREATE POLICY faultline_update ON %I FOR UPDATE USING (true) WITH CHECK (%s)', tbl, write_check);
    EXECUTE format('CREATE POLICY faultline_delete ON %I FOR DELETE USING (%s)', tbl, write_check);
END
$$;

-- runs
SELECT pg_temp.faultline_guard('experiment',          $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('run',                 $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('run_event',           $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('probe_sample',        $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('rollout',             $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('rollout_stage',       $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('rollout_stage_probe', $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('run_heartbeat',       $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('undelivered_notification', $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('schedule',            $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('schedule_decision',   $q$faultline_may(ARRAY['leader','operator'], NULL)$q$);
SELECT pg_temp.faultline_guard('run_journal',         $q$faultline_may(ARRAY['leader','operator','on-call'], NULL)$q$);
-- GameDay runs, in their GameDay
SELECT pg_temp.faultline_guard('gameday_run',
    $q$faultline_may(ARRAY['leader','operator'], (SELECT g.name FROM gameday g WHERE g.id = gameday_id))$q$);
SELECT pg_temp.faultline_guard('gameday_run_member',  $q$faultline_may_in(ARRAY['leader','operator'], gameday_run_id)$q$);
SELECT pg_temp.faultline_guard('gameday_run_step',    $q$faultline_may_in(ARRAY['leader','operator'], gameday_run_id)$q$);
-- the plan: a run of a new version stores it (leader, operator); changing or deleting one is the leader's
SELECT pg_temp.faultline_guard('gameday',             $q$faultline_may(ARRAY['leader'], name)$q$);
DROP POLICY faultline_insert ON gameday;
CREATE POLICY faultline_insert ON gameday FOR INSERT WITH CHECK (faultline_may(ARRAY['leader','operator'], name));
SELECT pg_temp.faultline_guard('team_role',           $q$faultline_may(ARRAY['leader'], gameday)$q$);
-- the retrospective
SELECT pg_temp.faultline_guard('finding',             $q$faultline_may_in(ARRAY['leader','scribe'], gameday_run_id)$q$);
SELECT pg_temp.faultline_guard('experiment_outcome',  $q$faultline_may(ARRAY['leader','scribe'], NULL)$q$);
SELECT pg_temp.faultline_guard('lesson',              $q$faultline_may_in(ARRAY['leader','scribe'], gameday_run_id)$q$);
SELECT pg_temp.faultline_guard('action_item',         $q$faultline_may_in(ARRAY['leader','scribe'], gameday_run_id)$q$);
-- observations: every role writes them; changing or deleting one is the retrospective's
SELECT pg_temp.faultline_guard('observation',         $q$faultline_may(ARRAY['leader','scribe'], NULL)$q$);
DROP POLICY faultline_insert ON observation;
CREATE POLICY faultline_insert ON observation FOR INSERT
    WITH CHECK (faultline_may(ARRAY['leader','operator','observer','scribe','on-call'], NULL));
-- the team's kill switch: everyone presses it; leader and on call release it
SELECT pg_temp.faultline_guard('store_halt',          $q$faultline_may(ARRAY['leader','on-call'], NULL)$q$);
DROP POLICY faultline_insert ON store_halt;
CREATE POLICY faultline_insert ON store_halt FOR INSERT WITH CHECK (true);
-- the audit trail: one's own entries only
SELECT pg_temp.faultline_guard('audit_entry',         $q$login = current_user$q$);
