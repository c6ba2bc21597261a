using Microsoft.Data.Sqlite;

namespace Workflows.Durable.Sqlite;

/// <summary>Connections and commands: one writing connection per process behind a gate, pooled connections for reads.</summary>
internal sealed partial class SqliteOrchestrationService
{
    /// <summary>The writing connection's statements, kept prepared; used only under the write gate.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> PreparedStatements = new();

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction. Writes that arrive while another commits are committed
    /// together (group commit): whoever holds the gate runs every queued write in one <c>BEGIN IMMEDIATE</c>
    /// transaction, each in a savepoint of its own, so one that fails is rolled back alone and the rest commit.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction?, T> work, bool transaction = true, CancellationToken cancellation = default)
    {
        if (!transaction)
        {
            await writeGate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return work(OpenWriter(), null);
            }
            finally
            {
                writeGate.Release();
            }
        }

        var pending = new PendingWrite((c, t) => work(c, t));
        writes.Enqueue(pending);
        await writeGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            while (!pending.Done.Task.IsCompleted)
            {
                CommitQueued();
            }
        }
        finally
        {
            writeGate.Release();
        }

        return (T)(await pending.Done.Task.ConfigureAwait(false))!;
    }

    /// <summary>
    /// Commits the writes queued so far (at most a few hundred) in one transaction. Called under the gate. The writes
    /// run one after another with nothing between them; if one fails, the whole transaction is undone and the batch runs
    /// again with a savepoint around each write, so the failed one is undone alone and the rest commit. (Savepoints for
    /// every write cost a third of the writer's time, and writes rarely fail: a lease lost, a refused start.)
    /// </summary>
    private void CommitQueued()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < 256 && writes.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        List<(PendingWrite Write, object? Result, Exception? Error)>? outcomes;
        try
        {
            outcomes = Commit(batch, guarded: false) ?? Commit(batch, guarded: true)!;
        }
        catch (Exception ex)
        {
            // The transaction itself failed (I/O, a full disk, disposed): nothing in it happened.
            foreach (var write in batch)
            {
                write.Done.TrySetException(ex);
            }

            return;
        }

        foreach (var (write, result, error) in outcomes)
        {
            if (error is null)
            {
                write.Done.TrySetResult(result);
            }
            else
            {
                write.Done.TrySetException(error);
            }
        }
    }

    /// <summary>Runs the batch in one transaction; unguarded, returns null (and commits nothing) when a write fails.</summary>
    private List<(PendingWrite Write, object? Result, Exception? Error)>? Commit(List<PendingWrite> batch, bool guarded)
    {
        var outcomes = new List<(PendingWrite Write, object? Result, Exception? Error)>(batch.Count);
        var connection = OpenWriter();

        // BEGIN IMMEDIATE: the file's write lock is taken up front, so two processes never interleave a read-then-write.
        using var tx = connection.BeginTransaction(deferred: false);
        foreach (var write in batch)
        {
            if (guarded)
            {
                Execute(connection, tx, "SAVEPOINT one_write");
            }

            try
            {
                outcomes.Add((write, write.Work(connection, tx), null));
                if (guarded)
                {
                    Execute(connection, tx, "RELEASE one_write");
                }
            }
            catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: 10 or 13 })
            {
                if (!guarded)
                {
                    // Alone in its transaction, the write is undone with it; in company, the batch runs again guarded.
                    tx.Rollback();
                    return batch.Count == 1 ? [(write, null, ex)] : null;
                }

                // The write's own failure (a lease lost, a refused start): undo it alone.
                Execute(connection, tx, "ROLLBACK TO one_write; RELEASE one_write");
                outcomes.Add((write, null, ex));
            }
        }

        tx.Commit();
        return outcomes;
    }

    private SqliteConnection OpenWriter()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (writer is null)
        {
            writer = new SqliteConnection(connectionString);
            writer.Open();
            PreparedStatements.Add(writer, new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
            Execute(writer, null, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;");
        }

        return writer;
    }

    /// <summary>A write waiting for the next group commit.</summary>
    private sealed class PendingWrite(Func<SqliteConnection, SqliteTransaction, object?> work)
    {
        public Func<SqliteConnection, SqliteTransaction, object?> Work { get; } = work;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Run(connection, transaction, sql, parameters, static command => command.ExecuteNonQuery());

    private static int Affected(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Run(connection, transaction, sql, parameters, static command => command.ExecuteNonQuery());

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Run(connection, transaction, sql, parameters, static command => command.ExecuteScalar() is var value && value is DBNull ? null : value);

    /// <summary>Runs a query on the writing connection, with its prepared statement kept like <see cref="Run"/>.</summary>
    private static SqliteDataReader Reader(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        PreparedStatements.TryGetValue(connection, out _)
            ? Run(connection, transaction, sql, parameters, static command => command.ExecuteReader())
            : throw new InvalidOperationException("Only the writing connection keeps its statements for readers.");

    /// <summary>
    /// Runs a statement. On the writing connection its prepared form is kept and reused: the writer runs the same few
    /// statements thousands of times a second, and preparing them anew each time was a large part of its work.
    /// </summary>
    private static T Run<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters, Func<SqliteCommand, T> run)
    {
        if (!PreparedStatements.TryGetValue(connection, out var prepared))
        {
            using var command = Command(connection, transaction, sql, parameters);
            return run(command);
        }

        if (!prepared.TryGetValue(sql, out var cached))
        {
            cached = connection.CreateCommand();
            cached.CommandText = sql;
            prepared[sql] = cached;
        }

        cached.Transaction = transaction;
        cached.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            cached.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return run(cached);
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
