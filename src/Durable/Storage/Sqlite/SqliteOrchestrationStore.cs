using Microsoft.Data.Sqlite;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes in this process go through one connection in
/// <c>BEGIN IMMEDIATE</c> transactions; other processes on the same file are held off by SQLite's own lock,
/// and the instance version plus lease owner in every commit's WHERE clause keeps them from overwriting each other.
/// </summary>
public sealed partial class SqliteOrchestrationStore : IOrchestrationStore
{
    private readonly string connectionString;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private SqliteConnection? writer;
    private bool initialized;

    /// <summary>Creates a store over the file at <paramref name="databasePath"/> (created when missing).</summary>
    public SqliteOrchestrationStore(string databasePath, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        DatabasePath = databasePath;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public StoreSignals Signals { get; } = new();

    /// <inheritdoc />
    public string Kind => "sqlite";

    private long Now => time.GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellation = default)
    {
        await WriteAsync(
            (connection, transaction) =>
            {
                Execute(connection, transaction, SqliteSchema.Create);
                return 0;
            },
            notify: StoreChanges.None,
            cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CreateInstanceAsync(NewInstance instance, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await WriteAsync(
            (connection, transaction) =>
            {
                var existing = ReadStatus(connection, transaction, instance.InstanceId);
                if (existing is { } status && !status.IsTerminal())
                {
                    throw new OrchestrationAlreadyExistsException(instance.InstanceId, status);
                }

                CreateOrReset(connection, transaction, instance, Now);
                return 0;
            },
            notify: StoreChanges.OrchestrationWork | StoreChanges.Instances,
            cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SendMessageAsync(string instanceId, HistoryEvent message, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await WriteAsync(
            (connection, transaction) =>
            {
                using var read = Command(connection, transaction, "SELECT status, start_at FROM instances WHERE instance_id = $id");
                read.Parameters.AddWithValue("$id", instanceId);
                using var reader = read.ExecuteReader();
                if (!reader.Read())
                {
                    throw new OrchestrationNotFoundException(instanceId);
                }

                var status = (OrchestrationRuntimeStatus)reader.GetInt32(0);
                var startAt = reader.GetInt64(1);
                reader.Close();
                if (status.IsTerminal())
                {
                    return 0;
                }

                // An event for an instance whose start is delayed waits for the start, so the start is applied first.
                var isControl = StoredMessage.IsControlEvent(message);
                var visibleAt = status == OrchestrationRuntimeStatus.Pending && !isControl ? Math.Max(Now, startAt) : Now;
                InsertMessage(connection, transaction, instanceId, null, message, visibleAt);
                return 0;
            },
            notify: StoreChanges.OrchestrationWork,
            cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
                writer = null;
            }
        }
        finally
        {
            writeGate.Release();
        }

        writeGate.Dispose();
    }

    /// <summary>Creates an instance, or replaces a finished one: its history, inbox and leftover work go.</summary>
    private static void CreateOrReset(SqliteConnection connection, SqliteTransaction transaction, NewInstance instance, long now)
    {
        using (var clear = Command(connection, transaction, """
            DELETE FROM history WHERE instance_id = $id;
            DELETE FROM messages WHERE instance_id = $id;
            DELETE FROM activities WHERE instance_id = $id;
            """))
        {
            clear.Parameters.AddWithValue("$id", instance.InstanceId);
            clear.ExecuteNonQuery();
        }

        var startAt = Math.Max(now, instance.StartAt.UtcTicks);
        using (var upsert = Command(connection, transaction, """
            INSERT INTO instances (instance_id, execution_id, name, status, input, parent, created_at, last_updated_at, start_at, version, history_length)
            VALUES ($id, $execution, $name, $status, $input, $parent, $now, $now, $startAt, 1, 0)
            ON CONFLICT (instance_id) DO UPDATE SET
                execution_id = excluded.execution_id, name = excluded.name, status = excluded.status, input = excluded.input,
                output = NULL, custom_status = NULL, failure = NULL, parent = excluded.parent, created_at = excluded.created_at,
                last_updated_at = excluded.last_updated_at, start_at = excluded.start_at, version = instances.version + 1,
                history_length = 0, lock_owner = NULL, lock_expires_at = NULL, attempts = 0
            """))
        {
            upsert.Parameters.AddWithValue("$id", instance.InstanceId);
            upsert.Parameters.AddWithValue("$execution", instance.ExecutionId);
            upsert.Parameters.AddWithValue("$name", instance.Name);
            upsert.Parameters.AddWithValue("$status", (int)OrchestrationRuntimeStatus.Pending);
            upsert.Parameters.AddWithValue("$input", (object?)instance.Input ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$parent", (object?)EventSerializer.SerializeRecord(instance.Parent) ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$now", now);
            upsert.Parameters.AddWithValue("$startAt", startAt);
            upsert.ExecuteNonQuery();
        }

        var started = new ExecutionStartedEvent(instance.Name, instance.Input) { Parent = instance.Parent, Timestamp = new DateTime(now, DateTimeKind.Utc) };
        InsertMessage(connection, transaction, instance.InstanceId, instance.ExecutionId, started, startAt);
    }

    private static OrchestrationRuntimeStatus? ReadStatus(SqliteConnection connection, SqliteTransaction transaction, string instanceId)
    {
        using var read = Command(connection, transaction, "SELECT status FROM instances WHERE instance_id = $id");
        read.Parameters.AddWithValue("$id", instanceId);
        return read.ExecuteScalar() is long status ? (OrchestrationRuntimeStatus)status : null;
    }

    private static void InsertMessage(
        SqliteConnection connection, SqliteTransaction transaction, string instanceId, string? executionId, HistoryEvent message, long visibleAt)
    {
        using var insert = Command(connection, transaction, """
            INSERT INTO messages (instance_id, execution_id, visible_at, is_control, event)
            VALUES ($id, $execution, $visible, $control, $event)
            """);
        insert.Parameters.AddWithValue("$id", instanceId);
        insert.Parameters.AddWithValue("$execution", (object?)executionId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$visible", visibleAt);
        insert.Parameters.AddWithValue("$control", StoredMessage.IsControlEvent(message) ? 1 : 0);
        insert.Parameters.AddWithValue("$event", EventSerializer.Serialize(message));
        insert.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; PRAGMA foreign_keys = OFF;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction on the writer connection.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, StoreChanges notify, CancellationToken cancellation)
    {
        await writeGate.WaitAsync(cancellation).ConfigureAwait(false);
        T result;
        try
        {
            writer ??= Open(connectionString);
            EnsureInitialized(writer);
            using var transaction = writer.BeginTransaction(deferred: false);
            result = work(writer, transaction);
            transaction.Commit();
        }
        finally
        {
            writeGate.Release();
        }

        Signals.Notify(notify);

        return result;
    }

    private void EnsureInitialized(SqliteConnection connection)
    {
        if (!initialized)
        {
            Execute(connection, null, SqliteSchema.Create);
            foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
            {
                using var probe = Command(connection, null, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'");
                if (probe.ExecuteScalar() is 0L)
                {
                    Execute(connection, null, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
                }
            }

            initialized = true;
        }
    }

    /// <summary>Runs a read on a pooled connection; WAL lets it proceed while a write is under way.</summary>
    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (!initialized)
        {
            await WriteAsync((_, _) => 0, notify: StoreChanges.None, cancellation).ConfigureAwait(false);
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return work(connection);
    }
}
