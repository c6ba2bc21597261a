using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Durable.History;
using Workflows.Durable.Storage;

namespace Workflows.Durable.Worker;

/// <summary>
/// Runs activities: leases them in batches, runs each in its own DI scope, renews leases of long-running ones,
/// and commits results in batches (one transaction for many results).
/// </summary>
internal sealed class ActivityDispatcher : Dispatcher<ActivityWorkItem>
{
    private readonly IServiceProvider services;
    private readonly IReadOnlyDictionary<TaskName, Func<IServiceProvider, ITaskActivity>> activities;
    private readonly Channel<(ActivityWorkItem WorkItem, HistoryEvent Result)> results =
        Channel.CreateUnbounded<(ActivityWorkItem, HistoryEvent)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, ActivityWorkItem> running = [];
    private readonly Lock runningGate = new();
    private int unsaved;

    public ActivityDispatcher(
        IOrchestrationStore store,
        DurableTaskWorkerOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IServiceProvider services,
        IReadOnlyDictionary<TaskName, Func<IServiceProvider, ITaskActivity>> activities,
        AsyncPulse activityChanged)
        : base(store, options, time, loggerFactory.CreateLogger<ActivityDispatcher>(), options.MaxConcurrentActivities, activityChanged)
    {
        this.services = services;
        this.activities = activities;
    }

    /// <summary>Results produced and not yet committed.</summary>
    public int Unsaved => Volatile.Read(ref unsaved);

    /// <summary>Commits results as they come, many to a transaction, until stopped and drained.</summary>
    public async Task SaveResultsAsync(CancellationToken stopping)
    {
        var batch = new List<(ActivityWorkItem, HistoryEvent)>();
        while (await results.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 500 && results.Reader.TryRead(out var result))
            {
                batch.Add(result);
            }

            try
            {
                await Store.CompleteActivitiesAsync(Options.WorkerId, batch, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The leases lapse and the activities run again: at least once, never lost.
                Logger.LogError(ex, "Saving {Count} activity results failed; they will be retried.", batch.Count);
            }
            finally
            {
                Interlocked.Add(ref unsaved, -batch.Count);
                ForgetRunning(batch.Select(b => b.Item1));
                ActivityChanged.Pulse();
            }
        }
    }

    /// <summary>Extends the leases of activities that run long, a third of the lease duration apart.</summary>
    public async Task RenewLeasesAsync(CancellationToken stopping)
    {
        var interval = Options.LeaseDuration / 3;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, Time, stopping).ConfigureAwait(false);
                List<ActivityWorkItem> leased;
                lock (runningGate)
                {
                    leased = [.. running.Values];
                }

                if (leased.Count > 0)
                {
                    await Store.RenewActivityLeasesAsync(Options.WorkerId, leased, Options.LeaseDuration, stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Logger.LogWarning(ex, "Renewing activity leases failed.");
            }
        }
    }

    /// <summary>Stops taking results once every running activity has handed its result over.</summary>
    public void CompleteResults() => results.Writer.TryComplete();

    protected override AsyncPulse WorkSignal => Store.Signals.ActivityWork;

    protected override async Task<IReadOnlyList<ActivityWorkItem>> LockAsync(int maxCount, CancellationToken cancellation)
    {
        var items = await Store.LockNextActivitiesAsync(Options.WorkerId, Math.Min(maxCount, 100), Options.LeaseDuration, cancellation).ConfigureAwait(false);
        lock (runningGate)
        {
            foreach (var item in items)
            {
                running[item.Id] = item;
            }
        }

        return items;
    }

    /// <summary>An activity delivered too often (each time its lease lapsed, likely crashing its worker) fails without running again.</summary>
    private TaskFailedEvent GiveUp(ActivityWorkItem item)
    {
        var request = item.Request;
        Logger.LogError("Activity {Name} (task {TaskId}) of {InstanceId} failed: gave up after {Attempts} deliveries.", request.Name, request.TaskId, request.InstanceId, item.Attempt - 1);
        var failure = new TaskFailureDetails(
            "Workflows.Durable.ActivityAttemptsExhausted",
            $"Activity '{request.Name}' was delivered {item.Attempt - 1} times and never finished (its worker stopped or lost the lease each time); it is not run again.",
            null,
            null);
        return new TaskFailedEvent(request.TaskId, failure) { Timestamp = Time.GetUtcNow().UtcDateTime };
    }

    /// <summary>
    /// Runs the due activities of one instance a work notice named and saves their results before returning, so a
    /// queue-triggered invocation covers the whole of its work even where no worker loop runs.
    /// </summary>
    public async Task<int> ProcessInstanceAsync(string instanceId, CancellationToken stopping)
    {
        var items = await Store.LockActivitiesAsync(Options.WorkerId, instanceId, MaxConcurrency, Options.LeaseDuration, stopping).ConfigureAwait(false);
        var results = await Task.WhenAll(items.Select(async item => (item, await ExecuteAsync(item).ConfigureAwait(false)))).ConfigureAwait(false);
        if (results.Length > 0)
        {
            await Store.CompleteActivitiesAsync(Options.WorkerId, results, CancellationToken.None).ConfigureAwait(false);
        }

        return results.Length;
    }

    protected override async Task ProcessAsync(ActivityWorkItem item, CancellationToken stopping)
    {
        var result = await ExecuteAsync(item).ConfigureAwait(false);
        Interlocked.Increment(ref unsaved);
        if (!results.Writer.TryWrite((item, result)))
        {
            Interlocked.Decrement(ref unsaved);
            ForgetRunning([item]);
            await Store.AbandonActivityAsync(Options.WorkerId, item, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private Task<HistoryEvent> ExecuteAsync(ActivityWorkItem item) =>
        item.Attempt > Options.MaxActivityAttempts ? Task.FromResult<HistoryEvent>(GiveUp(item)) : RunActivityAsync(item.Request);

    private async Task<HistoryEvent> RunActivityAsync(ActivityRequest request)
    {
        var name = new TaskName(request.Name);
        try
        {
            if (!activities.TryGetValue(name, out var factory))
            {
                throw new InvalidOperationException($"No activity named '{request.Name}' is registered with this worker.");
            }

            await using var scope = services.CreateAsyncScope();
            var activity = factory(scope.ServiceProvider);
            var input = JsonDataConverter.Default.Deserialize(request.Input, activity.InputType);
            var output = await activity.RunAsync(new StoreActivityContext(name, request.InstanceId, request.ExecutionId, request.TaskId), input).ConfigureAwait(false);
            return new TaskCompletedEvent(request.TaskId, JsonDataConverter.Default.Serialize(output)) { Timestamp = Time.GetUtcNow().UtcDateTime };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logger.LogWarning("Activity {Name} (task {TaskId}) of {InstanceId} failed: {ErrorType}.", request.Name, request.TaskId, request.InstanceId, ex.GetType().Name);
            return new TaskFailedEvent(request.TaskId, TaskFailureDetails.FromException(ex)) { Timestamp = Time.GetUtcNow().UtcDateTime };
        }
    }

    private void ForgetRunning(IEnumerable<ActivityWorkItem> items)
    {
        lock (runningGate)
        {
            foreach (var item in items)
            {
                running.Remove(item.Id);
            }
        }
    }
}
