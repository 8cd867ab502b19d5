-- Team mode: a runner's process beats for each run in progress (machine, pid, when it last beat),
-- so the others see when it stops answering; and its fault journal (a local file, written before
-- each injection) is mirrored here after each injection and revert: every fault still held, its
-- backend, whether a desktop other than the runner's can reach that backend to revert it, the
-- journal's own line (settings as references, never a secret) and who reverted it from where.
-- Portable SQL: runs unchanged on H2 and PostgreSQL 15.
CREATE TABLE run_heartbeat (
    run_id   VARCHAR(96)  PRIMARY KEY,
    host     VARCHAR(255) NOT NULL,
    pid      BIGINT       NOT NULL,
    beat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE run_journal (
    fault_id     VARCHAR(64)   PRIMARY KEY,
    run_id       VARCHAR(96)   NOT NULL,
    host         VARCHAR(255)  NOT NULL,
    step         VARCHAR(128)  NOT NULL,
    backend      VARCHAR(64)   NOT NULL,
    description  VARCHAR(1000) NOT NULL,
    reachable    BOOLEAN       NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    entry        VARCHAR(16000) NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reverted_by  VARCHAR(300)
);
CREATE INDEX run_journal_run ON run_journal (run_id, changed_at);
