namespace Workflows.Durable.Sqlite;

/// <summary>
/// The tables of the embedded backend. Times are UTC ticks from the backend's <see cref="TimeProvider"/>; history
/// events and messages are kept in the sidecar protocol's binary form. A message or activity is due when its
/// <c>visible_at</c> has come; taking one leases it by moving <c>visible_at</c> to the end of the lease.
/// </summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS instances (
            instance_id TEXT NOT NULL PRIMARY KEY,
            execution_id TEXT NOT NULL,
            name TEXT NOT NULL,
            version TEXT,
            status INTEGER NOT NULL,
            custom_status TEXT,
            input TEXT,
            output TEXT,
            failure BLOB,
            parent_instance_id TEXT,
            tags TEXT,
            created_at INTEGER NOT NULL,
            last_updated_at INTEGER NOT NULL,
            completed_at INTEGER,
            scheduled_start_at INTEGER,
            locked_by TEXT,
            locked_until INTEGER);
        CREATE INDEX IF NOT EXISTS instances_by_created ON instances (created_at);
        CREATE INDEX IF NOT EXISTS instances_by_completed ON instances (completed_at);
        CREATE INDEX IF NOT EXISTS instances_by_lease ON instances (locked_until) WHERE locked_until IS NOT NULL;
        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            event BLOB NOT NULL,
            PRIMARY KEY (instance_id, sequence)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            execution_id TEXT,
            event BLOB NOT NULL,
            visible_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS messages_by_due ON messages (visible_at);
        CREATE INDEX IF NOT EXISTS messages_by_instance ON messages (instance_id, visible_at);
        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            execution_id TEXT,
            event BLOB NOT NULL,
            visible_at INTEGER NOT NULL,
            locked_by TEXT,
            attempts INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS activities_by_due ON activities (visible_at);
        """;
}
