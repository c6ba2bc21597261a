namespace Workflows.Durable.Storage.Sqlite;

/// <summary>The SQLite store's tables. Times are UTC ticks so they sort and compare as integers.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS instances (
            instance_id     TEXT PRIMARY KEY,
            execution_id    TEXT NOT NULL,
            name            TEXT NOT NULL,
            status          INTEGER NOT NULL,
            input           TEXT,
            output          TEXT,
            custom_status   TEXT,
            failure         TEXT,
            parent          TEXT,
            created_at      INTEGER NOT NULL,
            last_updated_at INTEGER NOT NULL,
            start_at        INTEGER NOT NULL,
            version         INTEGER NOT NULL,
            history_length  INTEGER NOT NULL DEFAULT 0,
            lock_owner      TEXT,
            lock_expires_at INTEGER,
            attempts        INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances (created_at, instance_id);
        CREATE INDEX IF NOT EXISTS ix_instances_lock ON instances (lock_expires_at) WHERE lock_owner IS NOT NULL;

        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            event       TEXT NOT NULL,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS messages (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id  TEXT NOT NULL,
            execution_id TEXT,
            visible_at   INTEGER NOT NULL,
            is_control   INTEGER NOT NULL,
            event        TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_visible ON messages (visible_at);
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages (instance_id, id);

        CREATE TABLE IF NOT EXISTS activities (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id     TEXT NOT NULL,
            execution_id    TEXT NOT NULL,
            task_id         INTEGER NOT NULL,
            name            TEXT NOT NULL,
            input           TEXT,
            visible_at      INTEGER NOT NULL,
            attempt         INTEGER NOT NULL DEFAULT 0,
            lock_owner      TEXT,
            lock_expires_at INTEGER
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_activities_task ON activities (instance_id, execution_id, task_id);
        CREATE INDEX IF NOT EXISTS ix_activities_lock ON activities (lock_expires_at) WHERE lock_owner IS NOT NULL;
        """;

    /// <summary>Columns added since the first release, for files created before them.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("instances", "attempts", "INTEGER NOT NULL DEFAULT 0"),
    ];

    /// <summary>The condition under which an instance may be leased by <c>$me</c> at <c>$now</c>.</summary>
    public const string InstanceLeasable = "(i.lock_owner IS NULL OR (i.lock_expires_at <= $now AND i.lock_owner <> $me))";

    /// <summary>The condition under which a due message may be processed: suspended instances take only operator commands.</summary>
    public const string MessageDeliverable = "m.visible_at <= $now AND (i.status <> 7 OR m.is_control = 1)";
}
