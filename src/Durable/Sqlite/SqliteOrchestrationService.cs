using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Workflows.Durable.Sidecar;
using Core = DurableTask.Core;
using H = DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sqlite;

/// <summary>
/// DurableTask.Core's <see cref="Core.IOrchestrationService"/> on one SQLite file in WAL mode: the embedded backend.
/// Several processes may share the file: an instance or activity is taken by moving its lease forward inside a
/// <c>BEGIN IMMEDIATE</c> transaction, and a commit checks the lease is still its own, so no two workers ever run one
/// instance at once and a crashed worker's work is taken over when its lease runs out. Time (leases, timers, history
/// stamps) comes from the <see cref="TimeProvider"/> given, so a fake clock runs months of timers at once.
/// </summary>
internal sealed partial class SqliteOrchestrationService : Core.IOrchestrationService, IDurableTaskBackendMonitor, IInstanceChangeSignal, IAsyncDisposable
{
    private readonly string connectionString;
    private readonly SqliteBackendOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentQueue<PendingWrite> writes = new();
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly WorkSignal orchestrationWork = new(maxKept: 8);
    private readonly WorkSignal activityWork = new(maxKept: 8);
    private readonly AsyncSignal instanceChanged = new();

    /// <summary>Anything an idle wait looks at changed: work arrived, was taken, or was finished.</summary>
    private readonly AsyncSignal stirred = new();

    /// <summary>Activities leased by a take beyond the one it returned, for the next takers.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<SqliteActivityWorkItem> takenActivities = new();
    private int takenActivityCount;
    private readonly HistoryCache histories;

    /// <summary>Instances whose turn this process is running: a message for one of them needs no wake-up, as its turn's end wakes the takers.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);
    private SqliteConnection? writer;
    private Task? initialized;
    private bool disposed;
    private int leased;
    private int taking;
    private long finished;

    public SqliteOrchestrationService(SqliteBackendOptions options, TimeProvider clock, ILogger<SqliteOrchestrationService> logger)
    {
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        histories = new HistoryCache(options.CachedHistoryEvents);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = true, DefaultTimeout = 60 }.ToString();
    }

    /// <summary>How many due activities one take leases at most.</summary>
    private const int ActivitiesPerTake = 8;

    public int TaskOrchestrationDispatcherCount => 1;

    public int MaxConcurrentTaskOrchestrationWorkItems => options.MaxConcurrentOrchestrations;

    public Core.BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => Core.BehaviorOnContinueAsNew.Carryover;

    public int TaskActivityDispatcherCount => 1;

    public int MaxConcurrentTaskActivityWorkItems => options.MaxConcurrentActivities;

    /// <inheritdoc />
    public long WorkItemsCompleted => Interlocked.Read(ref finished);

    private long Now => clock.GetUtcNow().UtcTicks;

    private bool Busy => Volatile.Read(ref leased) > 0 || Volatile.Read(ref taking) > 0 || Volatile.Read(ref takenActivityCount) > 0;

    private long LeaseEnd => Now + options.LeaseDuration.Ticks;

    public Task StartAsync() => EnsureCreatedAsync();

    public Task StopAsync() => StopAsync(isForced: false);

    public Task StopAsync(bool isForced) => initialized is null || disposed ? Task.CompletedTask : GiveBackTakenActivitiesAsync();

    public Task CreateAsync() => EnsureCreatedAsync();

    public Task CreateAsync(bool recreateInstanceStore) => EnsureCreatedAsync();

    public Task CreateIfNotExistsAsync() => EnsureCreatedAsync();

    public Task DeleteAsync() => DeleteAsync(true);

    public async Task DeleteAsync(bool deleteInstanceStore)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        await WriteAsync((c, t) => Execute(c, t, "DELETE FROM messages; DELETE FROM activities; DELETE FROM history; DELETE FROM instances;")).ConfigureAwait(false);
    }

    public bool IsMaxMessageCountExceeded(int currentMessageCount, Core.OrchestrationRuntimeState runtimeState) => false;

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => 1;

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => 1;

    /// <inheritdoc />
    public Task NextChangeAsync() => instanceChanged.WaitAsync();

    /// <inheritdoc />
    public async Task WaitForIdleAsync(CancellationToken cancellation = default)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        while (true)
        {
            var changed = stirred.WaitAsync();
            if (!Busy && !await HasDueWorkAsync(cancellation).ConfigureAwait(false) && !Busy)
            {
                return;
            }

            await changed.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetNextDueTimeAsync(CancellationToken cancellation = default)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        return await ReadAsync(c => NextDue(c, Now), cancellation).ConfigureAwait(false) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    public async ValueTask DisposeAsync()
    {
        // Under the gate: a write still under way finishes first, and later ones are refused.
        await writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            disposed = true;
            if (writer is not null)
            {
                if (PreparedStatements.TryGetValue(writer, out var prepared))
                {
                    foreach (var command in prepared.Values)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    PreparedStatements.Remove(writer);
                }

                await writer.DisposeAsync().ConfigureAwait(false);
                writer = null;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    private Task EnsureCreatedAsync() => LazyInitializer.EnsureInitialized(ref initialized, () => WriteAsync((c, t) => Execute(c, t, SqliteSchema.Create), transaction: false));

    private async Task<bool> HasDueWorkAsync(CancellationToken cancellation)
    {
        var now = Now;
        return await ReadAsync(
            c => Scalar(c, null, """
                SELECT EXISTS (SELECT 1 FROM messages m JOIN instances i ON i.instance_id = m.instance_id
                               WHERE m.visible_at <= $now AND (i.locked_until IS NULL OR i.locked_until <= $now))
                    OR EXISTS (SELECT 1 FROM activities WHERE visible_at <= $now)
                """, ("$now", now)) is 1L,
            cancellation).ConfigureAwait(false);
    }

    private static long? NextDue(SqliteConnection connection, long now) =>
        Scalar(connection, null, """
            SELECT MIN(t) FROM (
                SELECT MIN(visible_at) AS t FROM messages WHERE visible_at > $now
                UNION ALL SELECT MIN(visible_at) FROM activities WHERE visible_at > $now
                UNION ALL SELECT MIN(locked_until) FROM instances WHERE locked_until > $now)
            """, ("$now", now)) as long?;

    /// <summary>
    /// Waits for work of one kind: a signal from this process, the next due time on the backend's clock, or the
    /// polling interval on the wall clock (for work written by other processes), whichever comes first.
    /// </summary>
    private async Task<T?> PollAsync<T>(Func<Task<T?>> take, WorkSignal signal, TimeSpan receiveTimeout, CancellationToken cancellation)
        where T : class
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        var wallClock = TimeProvider.System;
        var giveUpAt = wallClock.GetUtcNow() + receiveTimeout;
        while (!cancellation.IsCancellationRequested)
        {
            // While a take is under way the work it leases is neither due nor counted as leased: idle waits see it as busy.
            Interlocked.Increment(ref taking);
            try
            {
                if (await take().ConfigureAwait(false) is { } item)
                {
                    Interlocked.Increment(ref leased);
                    return item;
                }
            }
            finally
            {
                Interlocked.Decrement(ref taking);
                stirred.Pulse();
            }

            var left = giveUpAt - wallClock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var waits = new List<Task> { signal.WaitAsync(stop.Token), Task.Delay(left < options.PollingInterval ? left : options.PollingInterval, wallClock, stop.Token) };
            if (await ReadAsync(c => NextDue(c, Now), cancellation).ConfigureAwait(false) is { } due)
            {
                waits.Add(Task.Delay(TimeSpan.FromTicks(Math.Max(0, due - Now)), clock, stop.Token));
            }

            await Task.WhenAny(waits).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
        }

        return null;
    }

    private static byte[] Encode(H.HistoryEvent e) => ProtoHistory.ToProto(e).ToByteArray();

    private static H.HistoryEvent Decode(byte[] bytes) => ProtoHistory.ToCore(P.HistoryEvent.Parser.ParseFrom(bytes));

    /// <summary>Wakes takers for new work and whoever waits for the service to go idle.</summary>
    private void Wake(WorkSignal work, int count = 1)
    {
        work.Pulse(count);
        stirred.Pulse();
    }

    private void Finished()
    {
        Interlocked.Increment(ref finished);
        Interlocked.Decrement(ref leased);
        stirred.Pulse();
    }
}
