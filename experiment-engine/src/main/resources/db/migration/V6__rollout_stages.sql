-- A run's progressive rollouts, one per rolled-out fault step in the order they ran: the step, its
-- target and fault, how many stages were planned, whether every one held, and the largest share
-- that held (NULL when the first stage did not). Each stage reached has its share, when it began
-- and ended, how its share went in (injected, in place, re-injected), how long that took, its
-- verdict, and the figures of the probes checked at its end. Written once, when the run ends.
CREATE TABLE rollout (
    run_id          VARCHAR(96)   NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    position        INT           NOT NULL,
    step            VARCHAR(128)  NOT NULL,
    target          VARCHAR(512)  NOT NULL,
    fault           VARCHAR(1000) NOT NULL,
    stages_planned  INT           NOT NULL,
    completed       BOOLEAN       NOT NULL,
    safe_up_to      DOUBLE PRECISION,
    PRIMARY KEY (run_id, position)
);

CREATE TABLE rollout_stage (
    run_id      VARCHAR(96)   NOT NULL,
    position    INT           NOT NULL,
    stage       INT           NOT NULL,
    share       DOUBLE PRECISION NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    applied     VARCHAR(32)   NOT NULL,
    apply_ns    BIGINT        NOT NULL,
    verdict     VARCHAR(16)   NOT NULL,
    held        BOOLEAN       NOT NULL,
    detail      VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, position, stage),
    FOREIGN KEY (run_id, position) REFERENCES rollout (run_id, position) ON DELETE CASCADE
);

-- The checked probes' samples while a stage held (mean, min and max NULL without a readable sample).
CREATE TABLE rollout_stage_probe (
    run_id        VARCHAR(96)  NOT NULL,
    position      INT          NOT NULL,
    stage         INT          NOT NULL,
    seq           INT          NOT NULL,
    probe         VARCHAR(128) NOT NULL,
    expect        VARCHAR(512) NOT NULL,
    samples       INT          NOT NULL,
    failed_reads  INT          NOT NULL,
    outside       INT          NOT NULL,
    mean_val      DOUBLE PRECISION,
    min_val       DOUBLE PRECISION,
    max_val       DOUBLE PRECISION,
    PRIMARY KEY (run_id, position, stage, seq),
    FOREIGN KEY (run_id, position, stage) REFERENCES rollout_stage (run_id, position, stage) ON DELETE CASCADE
);
