namespace Platform.Grains.Storage.Postgres;

/// <summary>
/// The cluster-mode schema as the ordered steps that build it (docs/cluster-storage.md). Released
/// steps are never edited: a change is a new step at the end. Times are UTC ticks (100 ns, as in the
/// SQLite files), finer than <c>timestamptz</c>'s microseconds.
/// </summary>
public static class PostgresMigrations
{
    public static readonly IReadOnlyList<PostgresMigration> All =
    [
        new(1, "log lines, metric points, job index, job events", """
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
            """),
        new(2, "log lines by source offset (where shipping resumes)", """
            CREATE INDEX log_line_source ON log_line (job_id, source, source_offset);
            """),
        new(3, "jobs by team and state; a metric point stored once", """
            CREATE INDEX job_index_team ON job_index (team, state, created_at DESC);
            DELETE FROM metric_point a USING metric_point b
            WHERE a.job_id = b.job_id AND a.task = b.task AND a.name = b.name AND a.time = b.time
              AND a.step IS NOT DISTINCT FROM b.step AND a.id > b.id;
            CREATE UNIQUE INDEX metric_point_once ON metric_point (job_id, task, name, time, step) NULLS NOT DISTINCT;
            """),
        new(4, "jobs by state (the metrics' count)", """
            CREATE INDEX job_index_state ON job_index (listed, state);
            """),
    ];

    /// <summary>The version a database has once every step ran.</summary>
    public static int Latest => All[^1].Version;
}
