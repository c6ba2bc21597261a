using System.Text.Json;
using Microsoft.Data.Sqlite;
using Workflows.Network.Storage;

namespace Workflows.Adapters.Registry;

/// <summary>The embedded registry: one SQLite file with the entities, their items, their audit trail and the once-only keys.</summary>
public sealed class SqliteRegistryStore : IRegistryStore, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS entities (
            kind TEXT NOT NULL, id TEXT NOT NULL, network TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL,
            PRIMARY KEY (kind, id));
        CREATE INDEX IF NOT EXISTS entities_by_network ON entities (kind, network, id);
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL, network TEXT NOT NULL,
            at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, changes TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_by_entity ON audit (kind, id, seq);
        CREATE TABLE IF NOT EXISTS once (scope TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (scope, key));
        CREATE TABLE IF NOT EXISTS items (
            kind TEXT NOT NULL, id TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id, key));
        """;

    private readonly string connectionString;
    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private volatile bool schemaReady;

    /// <summary>Creates a store over the file at <paramref name="databasePath"/> (created when missing).</summary>
    public SqliteRegistryStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => schemaGate.Dispose();

    /// <inheritdoc />
    public async Task<RegistryRecord?> GetAsync(string kind, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: false, cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT kind, id, network, json, version FROM entities WHERE kind = $kind AND id = $id", ("$kind", kind), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        return await reader.ReadAsync(cancellation).ConfigureAwait(false) ? ReadRecord(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRecord>> ListAsync(string kind, string? networkId, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: false, cancellation).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT kind, id, network, json, version FROM entities WHERE kind = $kind AND ($network IS NULL OR network = $network) ORDER BY id",
            ("$kind", kind),
            ("$network", networkId));
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var records = new List<RegistryRecord>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<RegistryItem?> GetItemAsync(string kind, string id, string key, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: false, cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT key, json FROM items WHERE kind = $kind AND id = $id AND key = $key", ("$kind", kind), ("$id", id), ("$key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        return await reader.ReadAsync(cancellation).ConfigureAwait(false) ? new RegistryItem(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryItem>> ListItemsAsync(string kind, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: false, cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT key, json FROM items WHERE kind = $kind AND id = $id ORDER BY key", ("$kind", kind), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var items = new List<RegistryItem>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            items.Add(new RegistryItem(reader.GetString(0), reader.GetString(1)));
        }

        return items;
    }

    /// <inheritdoc />
    public async Task<long> WriteAsync(RegistryRecord record, IReadOnlyList<RegistryItem> items, AuditEntry audit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        RegistryItems.CheckWrite(items);
        await using var connection = await OpenAsync(writing: true, cancellation).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        var next = record.Version + 1;
        var sql = record.Version == 0
            ? "INSERT INTO entities (kind, id, network, json, version) VALUES ($kind, $id, $network, $json, 1) ON CONFLICT DO NOTHING"
            : "UPDATE entities SET network = $network, json = $json, version = $next WHERE kind = $kind AND id = $id AND version = $version";
        var changed = await ExecuteAsync(
            connection,
            transaction,
            sql,
            cancellation,
            ("$kind", record.Kind),
            ("$id", record.Id),
            ("$network", record.NetworkId),
            ("$json", record.Json),
            ("$version", record.Version),
            ("$next", next)).ConfigureAwait(false);
        if (changed != 1)
        {
            throw record.Version == 0
                ? new RegistryConflictException($"A {record.Kind} with id '{record.Id}' exists already.")
                : new RegistryConflictException($"The {record.Kind} '{record.Id}' was changed or deleted since it was read; read it again.");
        }

        foreach (var item in items)
        {
            await ExecuteAsync(
                connection,
                transaction,
                item.Json is null
                    ? "DELETE FROM items WHERE kind = $kind AND id = $id AND key = $key"
                    : "INSERT INTO items (kind, id, key, json) VALUES ($kind, $id, $key, $json) ON CONFLICT (kind, id, key) DO UPDATE SET json = excluded.json",
                cancellation,
                ("$kind", record.Kind),
                ("$id", record.Id),
                ("$key", item.Key),
                ("$json", item.Json)).ConfigureAwait(false);
        }

        await AppendAuditAsync(connection, transaction, audit, cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return next;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string kind, string id, long version, AuditEntry audit, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: true, cancellation).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        var deleted = await ExecuteAsync(
            connection, transaction, "DELETE FROM entities WHERE kind = $kind AND id = $id AND version = $version", cancellation, ("$kind", kind), ("$id", id), ("$version", version)).ConfigureAwait(false);
        if (deleted != 1)
        {
            throw new RegistryConflictException($"The {kind} '{id}' was changed or deleted since it was read; read it again.");
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM items WHERE kind = $kind AND id = $id", cancellation, ("$kind", kind), ("$id", id)).ConfigureAwait(false);
        await AppendAuditAsync(connection, transaction, audit, cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string kind, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: false, cancellation).ConfigureAwait(false);
        await using var command = Command(
            connection, null, "SELECT at, actor, kind, id, network, action, changes FROM audit WHERE kind = $kind AND id = $id ORDER BY seq", ("$kind", kind), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                AuditChanges.Parse(reader.GetString(6))));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task RedactAuditAsync(string kind, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: true, cancellation).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using (var select = Command(connection, transaction, "SELECT seq, changes FROM audit WHERE kind = $kind AND id = $id", ("$kind", kind), ("$id", id)))
        {
            var rows = new List<(long Seq, string Changes)>();
            await using (var reader = await select.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            foreach (var (seq, changes) in rows)
            {
                await ExecuteAsync(
                    connection, transaction, "UPDATE audit SET changes = $changes WHERE seq = $seq", cancellation,
                    ("$changes", AuditChanges.Serialize(AuditChanges.Redact(AuditChanges.Parse(changes)))), ("$seq", seq)).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordOnceAsync(string scope, string key, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: true, cancellation).ConfigureAwait(false);
        return await ExecuteAsync(
            connection, null, "INSERT INTO once (scope, key) VALUES ($scope, $key) ON CONFLICT DO NOTHING", cancellation, ("$scope", scope), ("$key", key)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> WasRecordedAsync(string scope, string key, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(writing: false, cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT 1 FROM once WHERE scope = $scope AND key = $key", ("$scope", scope), ("$key", key));
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is not null;
    }

    private static RegistryRecord ReadRecord(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4));

    private static Task<int> AppendAuditAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry audit, CancellationToken cancellation) =>
        ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO audit (kind, id, network, at, actor, action, changes) VALUES ($kind, $id, $network, $at, $actor, $action, $changes)",
            cancellation,
            ("$kind", audit.Kind),
            ("$id", audit.EntityId),
            ("$network", audit.NetworkId),
            ("$at", audit.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("$actor", audit.Actor),
            ("$action", audit.Action),
            ("$changes", AuditChanges.Serialize(audit.Changes)));

    private async Task<SqliteConnection> OpenAsync(bool writing, CancellationToken cancellation)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellation).ConfigureAwait(false);

        // As the orchestration store: in WAL mode a commit is safe from corruption without waiting for the disk, and
        // only the last commits before a power cut (not a process crash) can be lost. Set per connection, and only on
        // those that write: a read commits nothing, and most of the registry's calls are small reads.
        if (writing)
        {
            await ExecuteAsync(connection, null, "PRAGMA synchronous = NORMAL;", cancellation).ConfigureAwait(false);
        }

        if (!schemaReady)
        {
            // The first use creates the tables, so neither the host nor a test has to remember to.
            await schemaGate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                if (!schemaReady)
                {
                    await ExecuteAsync(connection, null, Schema, cancellation).ConfigureAwait(false);
                    schemaReady = true;
                }
            }
            finally
            {
                schemaGate.Release();
            }
        }

        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellation, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }
}
