-- A stage of a rollout over counts of targets (targets: [1, 2, 5]) keeps its count; a stage at a
-- share has none (NULL). Plain SQL that H2 and PostgreSQL 15 both run unchanged.
ALTER TABLE rollout_stage ADD COLUMN targets INTEGER;
