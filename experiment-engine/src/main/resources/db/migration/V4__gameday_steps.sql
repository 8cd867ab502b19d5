-- A GameDay run's steps in order: each experiment run (a repeated experiment has a step per attempt),
-- what the leader chose after a halt (resume with the next, repeat it, end the day), and every
-- experiment that did not run. gameday_run_member keeps the runs; position there is the order the
-- runs started in, which is the experiment's place only when nothing was repeated.
CREATE TABLE gameday_run_step (
    gameday_run_id VARCHAR(96)   NOT NULL REFERENCES gameday_run (id) ON DELETE CASCADE,
    seq            INT           NOT NULL,
    position       INT           NOT NULL,
    experiment     VARCHAR(128)  NOT NULL,
    run_id         VARCHAR(96),
    attempt        INT           NOT NULL,
    after_halt     VARCHAR(16),
    note           VARCHAR(4000) NOT NULL,
    PRIMARY KEY (gameday_run_id, seq)
);
