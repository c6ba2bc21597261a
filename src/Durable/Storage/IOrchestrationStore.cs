using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>
/// Where the engine keeps instances, histories, inboxes and activity work. Implementations: SQLite (embedded
/// default) and Azure Storage. The contract, checked by one conformance suite for both:
/// a commit is atomic and guarded by the instance version and lease; one instance is leased by one worker at a
/// time and a lease expires so a crashed worker's work is taken over; a message is visible only from its due time.
/// </summary>
public interface IOrchestrationStore : IAsyncDisposable
{
    /// <summary>In-process notifications raised after this store commits.</summary>
    StoreSignals Signals { get; }

    /// <summary>A short name for logs and health (for example "sqlite").</summary>
    string Kind { get; }

    /// <summary>Creates the store's tables, queues or containers when missing.</summary>
    Task InitializeAsync(CancellationToken cancellation = default);

    /// <summary>
    /// Creates an instance with its start message. An unfinished instance with the same id causes
    /// <see cref="OrchestrationAlreadyExistsException"/>; a finished one is replaced.
    /// </summary>
    Task CreateInstanceAsync(NewInstance instance, CancellationToken cancellation = default);

    /// <summary>Puts a message in an existing instance's inbox; <see cref="OrchestrationNotFoundException"/> when there is none.</summary>
    Task SendMessageAsync(string instanceId, HistoryEvent message, CancellationToken cancellation = default);

    /// <summary>Leases up to <paramref name="maxCount"/> instances that have due messages and no live lease.</summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockNextOrchestrationsAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default);

    /// <summary>
    /// Leases one instance if it has due messages and no live lease (a pushed work notice names it); null otherwise.
    /// </summary>
    Task<OrchestrationWorkItem?> LockOrchestrationAsync(string workerId, string instanceId, TimeSpan leaseDuration, CancellationToken cancellation = default);

    /// <summary>Leases up to <paramref name="maxCount"/> of one instance's due activities with no live lease.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(
        string workerId, string instanceId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default);

    /// <summary>Reads the current execution's history.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Commits an episode and releases the lease; <see cref="StoreConflictException"/> if the lease or version was lost.</summary>
    Task CompleteOrchestrationAsync(string workerId, OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellation = default);

    /// <summary>Releases a lease without changes, so the work is retried.</summary>
    Task AbandonOrchestrationAsync(string workerId, OrchestrationWorkItem workItem, CancellationToken cancellation = default);

    /// <summary>Leases up to <paramref name="maxCount"/> due activities with no live lease.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LockNextActivitiesAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default);

    /// <summary>Extends the leases of activities still running.</summary>
    Task RenewActivityLeasesAsync(string workerId, IReadOnlyList<ActivityWorkItem> workItems, TimeSpan leaseDuration, CancellationToken cancellation = default);

    /// <summary>
    /// Removes finished activities and sends each result to its instance, all at once. An activity whose lease
    /// another worker has taken over is skipped, so each scheduled task yields one result.
    /// </summary>
    Task CompleteActivitiesAsync(string workerId, IReadOnlyList<(ActivityWorkItem WorkItem, HistoryEvent Result)> completions, CancellationToken cancellation = default);

    /// <summary>Releases an activity's lease so it is retried.</summary>
    Task AbandonActivityAsync(string workerId, ActivityWorkItem workItem, CancellationToken cancellation = default);

    /// <summary>
    /// The first time after <paramref name="after"/> that work becomes due for this worker (a timer, a delayed start,
    /// another worker's lease running out); null when nothing is pending.
    /// </summary>
    Task<DateTimeOffset?> GetNextWakeUpAsync(string workerId, DateTimeOffset after, CancellationToken cancellation = default);

    /// <summary>True when some work is due now (for idle detection).</summary>
    Task<bool> HasDueWorkAsync(CancellationToken cancellation = default);

    /// <summary>Reads one instance; null when it does not exist.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Reads one page of instances matching <paramref name="query"/>.</summary>
    Task<Page<InstanceRecord>> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default);

    /// <summary>Removes one finished instance with its history; returns 0 for a missing or unfinished one.</summary>
    Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Removes finished instances matching <paramref name="filter"/>.</summary>
    Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);
}
