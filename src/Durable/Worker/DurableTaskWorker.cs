using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Durable.Storage;
using Workflows.Durable.Worker;

namespace Workflows.Durable;

/// <summary>
/// The hosted service that runs orchestrations and activities from the store. Several workers, in one
/// process or many, may share a store: leases keep each instance and activity with one worker at a time.
/// </summary>
public sealed class DurableTaskWorker : BackgroundService
{
    private readonly IOrchestrationStore store;
    private readonly DurableTaskWorkerOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly AsyncPulse activityChanged = new();
    private readonly OrchestrationDispatcher orchestrations;
    private readonly ActivityDispatcher activities;

    /// <summary>Creates a worker.</summary>
    public DurableTaskWorker(
        IOrchestrationStore store,
        DurableTaskRegistry registry,
        IServiceProvider services,
        DurableTaskWorkerOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.store = store;
        this.options = options;
        this.time = time;
        logger = loggerFactory.CreateLogger<DurableTaskWorker>();
        var orchestrators = registry.Orchestrators.ToDictionary();
        ITaskOrchestrator? Resolve(TaskName name) => orchestrators.TryGetValue(name, out var factory) ? factory(services) : null;
        orchestrations = new OrchestrationDispatcher(store, options, time, loggerFactory, Resolve, activityChanged);
        activities = new ActivityDispatcher(store, options, time, loggerFactory, services, registry.Activities.ToDictionary(), activityChanged);
    }

    /// <summary>The identity this worker's leases carry.</summary>
    public string WorkerId => options.WorkerId;

    /// <summary>
    /// Completes when nothing is due and nothing is running: every instance waits for a timer, an event, or
    /// has finished. With a fake clock, advance time and call again to run a year step by step.
    /// </summary>
    public async Task WaitForIdleAsync(CancellationToken cancellation = default)
    {
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var changed = Task.WhenAny(activityChanged.WaitAsync(), store.Signals.InstanceChanged.WaitAsync());
            if (!Busy() && !await store.HasDueWorkAsync(cancellation).ConfigureAwait(false) && !Busy())
            {
                return;
            }

            await changed.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    private bool Busy() =>
        orchestrations.Leasing || activities.Leasing || orchestrations.InFlight > 0 || activities.InFlight > 0 || activities.Unsaved > 0;

    /// <summary>
    /// How many orchestration and activity work items this worker has run, ever. It only grows while work moves,
    /// so a caller waiting for idle can tell a slow machine (it grows) from a stuck worker (it does not).
    /// </summary>
    public long WorkItemsRun => orchestrations.Finished + activities.Finished;

    /// <summary>A one-line account of running work, for diagnostics.</summary>
    internal string Describe() =>
        $"orchestrations in flight {orchestrations.InFlight}, activities in flight {activities.InFlight}, unsaved results {activities.Unsaved}";

    /// <summary>When the next piece of work (usually a durable timer) becomes due; null when none is pending.</summary>
    public Task<DateTimeOffset?> GetNextDueTimeAsync(CancellationToken cancellation = default) =>
        store.GetNextWakeUpAsync(options.WorkerId, time.GetUtcNow(), cancellation);

    /// <summary>
    /// Handles a work notice pushed by a queue trigger with the same code the worker loop runs: leases the named
    /// instance's due work and runs it here. A notice that came early (queues hide messages for at most seven days)
    /// goes back on the queue until its due time.
    /// </summary>
    public async Task<WorkNoticeOutcome> ProcessNoticeAsync(WorkNotice notice, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.DueAt > time.GetUtcNow() && store is IWorkNoticeQueue queue)
        {
            await queue.DeferAsync(notice, cancellation).ConfigureAwait(false);
            return WorkNoticeOutcome.Deferred;
        }

        var ran = notice.Kind == WorkNoticeKind.Activity
            ? await activities.ProcessInstanceAsync(notice.InstanceId, cancellation).ConfigureAwait(false) > 0
            : await orchestrations.ProcessInstanceAsync(notice.InstanceId, cancellation).ConfigureAwait(false);
        return ran ? WorkNoticeOutcome.Ran : WorkNoticeOutcome.NothingDue;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
        if (!options.RunLoop)
        {
            logger.LogInformation("Durable worker {WorkerId} on the {Store} store runs pushed work only.", options.WorkerId, store.Kind);
            return;
        }

        logger.LogInformation("Durable worker {WorkerId} started on the {Store} store.", options.WorkerId, store.Kind);
        var saving = activities.SaveResultsAsync(stoppingToken);
        var renewing = activities.RenewLeasesAsync(stoppingToken);
        await Task.WhenAll(orchestrations.RunAsync(stoppingToken), activities.RunAsync(stoppingToken)).ConfigureAwait(false);
        activities.CompleteResults();
        await Task.WhenAll(saving, renewing).ConfigureAwait(false);
        logger.LogInformation("Durable worker {WorkerId} stopped.", options.WorkerId);
    }
}
