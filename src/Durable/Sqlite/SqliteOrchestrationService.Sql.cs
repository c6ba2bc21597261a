using Microsoft.Data.Sqlite;

namespace Workflows.Durable.Sqlite;

/// <summary>Connections and commands: one writing connection per process behind a gate, pooled connections for reads.</summary>
internal sealed partial class SqliteOrchestrationService
{
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction?, T> work, bool transaction = true, CancellationToken cancellation = default)
    {
        await writeGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (writer is null)
            {
                writer = new SqliteConnection(connectionString);
                await writer.OpenAsync(cancellation).ConfigureAwait(false);
                Execute(writer, null, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;");
            }

            if (!transaction)
            {
                return work(writer, null);
            }

            // BEGIN IMMEDIATE: the file's write lock is taken up front, so two processes never interleave a read-then-write.
            using var tx = writer.BeginTransaction(deferred: false);
            var result = work(writer, tx);
            tx.Commit();
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    private Task<bool> WriteAsync(Action<SqliteConnection, SqliteTransaction?> work, bool transaction = true, CancellationToken cancellation = default) =>
        WriteAsync((c, t) =>
        {
            work(c, t);
            return true;
        }, transaction, cancellation);

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellation = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellation).ConfigureAwait(false);
        return work(connection);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static int Affected(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
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
}
