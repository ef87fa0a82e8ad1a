-- A cluster database as the first PostgreSQL-backed platform (schema version 1) left it:
-- its schema, byte for byte as migration 1 creates it, and a finished job with its log, metrics and events.
-- Loaded with psql by PostgresMigrationTests; the platform must migrate it and read every row back.
CREATE TABLE schema_version (
    version     integer     PRIMARY KEY,
    description text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now());
INSERT INTO schema_version (version, description) VALUES (1, 'log lines, metric points, job index, job events');

CREATE TABLE log_line (
    job_id        text COLLATE "C" NOT NULL,
    seq           bigint  NOT NULL,
    task          text    NOT NULL,
    stream        text    NOT NULL,
    time          bigint  NOT NULL,
    text          text    NOT NULL,
    source        text    NOT NULL,
    source_offset bigint  NOT NULL,
    continued     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (job_id, seq));
CREATE INDEX log_line_task ON log_line (job_id, task, seq);
CREATE TABLE metric_point (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id text COLLATE "C" NOT NULL,
    task   text   NOT NULL,
    name   text   NOT NULL,
    step   bigint,
    time   bigint NOT NULL,
    value  double precision NOT NULL);
CREATE INDEX metric_point_job ON metric_point (job_id, task, name, id);
CREATE TABLE job_index (
    job_id      text COLLATE "C" PRIMARY KEY,
    grain_id    text    NOT NULL,
    version     text,
    listed      boolean NOT NULL,
    team        text,
    state       text    NOT NULL,
    created_at  bigint  NOT NULL,
    finished_at bigint,
    view        bytea   NOT NULL);
CREATE INDEX job_index_order ON job_index (listed, created_at DESC, job_id DESC);
CREATE INDEX job_index_finished ON job_index (finished_at) WHERE finished_at IS NOT NULL;
CREATE TABLE job_event (
    job_id  text COLLATE "C" NOT NULL,
    ordinal integer NOT NULL,
    time    bigint  NOT NULL,
    type    text    NOT NULL,
    task    text,
    node    text,
    reason  text,
    message text    NOT NULL,
    by_user text,
    PRIMARY KEY (job_id, ordinal));

INSERT INTO log_line (job_id, seq, task, stream, time, text, source, source_offset, continued) VALUES
    ('job-v1', 1, 'worker-0', 'stdout', 638764164010000000, 'epoch 1', 'container-1', 10, false),
    ('job-v1', 2, 'worker-0', 'stdout', 638764164020000000, '@metric {"step": 1, "loss": 0.5}', 'container-1', 20, false),
    ('job-v1', 3, 'worker-0', 'stderr', 638764164030000000, 'done', 'container-1', 30, false);
-- Version 1 had no key on metric points: a retried batch stored this one twice.
INSERT INTO metric_point (job_id, task, name, step, time, value) VALUES
    ('job-v1', 'worker-0', 'loss', 1, 638764164020000000, 0.5),
    ('job-v1', 'worker-0', 'loss', 1, 638764164020000000, 0.5);
INSERT INTO job_index (job_id, grain_id, version, listed, team, state, created_at, finished_at, view) VALUES
    ('job-v1', 'job/job-v1', '7', true, 'vision', 'Succeeded', 638764164000000000, 638764182000000000,
     '\x20e8400d6a6f622d7631410d7265736e6574410d766973696f6e010dc1012180002878729f58dd08810000000000000000e02180006e3b969f58dd08810000000000000000e02180005c5aa3a358dd08810000000000000000e0010121e8c007c1094125706c6174666f726d2f7079746f7263683a31c1013101db36ad737553797374656d2e436f6c6c656374696f6e732e47656e657269632e44696374696f6e61727960325b5b737472696e675d2c5b737472696e675d5de0410d646f636b657231013a17c3299153797374656d2e436f6c6c656374696f6e732e47656e657269632e44696374696f6e61727960325b5b737472696e675d2c5b706c6174666f726d2e5265706c696361537065635d5d0103410d776f726b657220e8000521e880000000000000f03f0102200101e0c101c1013903e03903e0e0e00101010dc101010102790101310101565a512b706c6174666f726d2e566f6c756d65537065635b5de0c101c101c1013903e0e03101ff2eeb4963526561644f6e6c794c697374496e74657266616365436f64656360315b5b706c6174666f726d2e5461736b566965775d5de00101e0');
INSERT INTO job_event (job_id, ordinal, time, type, task, node, reason, message, by_user) VALUES
    ('job-v1', 0, 638764164000000000, 'Submitted', NULL, NULL, NULL, 'submitted', 'alice'),
    ('job-v1', 1, 638764182000000000, 'Succeeded', NULL, NULL, NULL, 'every worker exited 0', NULL);
