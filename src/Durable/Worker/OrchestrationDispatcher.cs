using Microsoft.Extensions.Logging;
using Workflows.Durable.History;
using Workflows.Durable.Replay;
using Workflows.Durable.Storage;

namespace Workflows.Durable.Worker;

/// <summary>
/// Runs orchestration episodes: leases an instance with due messages, replays it (or takes it from the
/// cache), applies the messages, and commits history, new state and outgoing work in one store call.
/// </summary>
internal sealed class OrchestrationDispatcher : Dispatcher<OrchestrationWorkItem>
{
    private readonly Func<TaskName, ITaskOrchestrator?> resolveOrchestrator;
    private readonly ILoggerFactory loggerFactory;
    private readonly ExecutorCache cache;

    public OrchestrationDispatcher(
        IOrchestrationStore store,
        DurableTaskWorkerOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        Func<TaskName, ITaskOrchestrator?> resolveOrchestrator,
        AsyncPulse activityChanged)
        : base(store, options, time, loggerFactory.CreateLogger<OrchestrationDispatcher>(), options.MaxConcurrentOrchestrations, activityChanged)
    {
        this.resolveOrchestrator = resolveOrchestrator;
        this.loggerFactory = loggerFactory;
        cache = new ExecutorCache(options.ExecutorCacheSize);
    }

    protected override AsyncPulse WorkSignal => Store.Signals.OrchestrationWork;

    protected override Task<IReadOnlyList<OrchestrationWorkItem>> LockAsync(int maxCount, CancellationToken cancellation) =>
        Store.LockNextOrchestrationsAsync(Options.WorkerId, maxCount, Options.LeaseDuration, cancellation);

    /// <summary>Runs an episode of one instance a work notice named, if it has due work; false when it had none.</summary>
    public async Task<bool> ProcessInstanceAsync(string instanceId, CancellationToken stopping)
    {
        if (await Store.LockOrchestrationAsync(Options.WorkerId, instanceId, Options.LeaseDuration, stopping).ConfigureAwait(false) is not { } item)
        {
            return false;
        }

        await RunPushedAsync([item], stopping).ConfigureAwait(false);
        return true;
    }

    protected override async Task ProcessAsync(OrchestrationWorkItem item, CancellationToken stopping)
    {
        var instance = item.Instance;
        OrchestrationCommit commit;
        OrchestrationExecutor? executor = null;
        try
        {
            (commit, executor) = item.Attempt > Options.MaxEpisodeAttempts && !instance.Status.IsTerminal()
                ? (GiveUp(item, Time.GetUtcNow()), null)
                : await BuildCommitAsync(item, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logger.LogError(ex, "Episode of {InstanceId} could not be prepared; releasing it for retry.", instance.InstanceId);
            await Store.AbandonOrchestrationAsync(Options.WorkerId, item, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        try
        {
            await Store.CompleteOrchestrationAsync(Options.WorkerId, item, commit, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            Logger.LogWarning("Episode of {InstanceId} lost its lease to another worker; its work was discarded.", instance.InstanceId);
            return;
        }

        if (executor is not null && commit.Status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended
            && commit.NewExecutionId is null)
        {
            cache.Put(instance.InstanceId, instance.ExecutionId, executor);
        }

        if (commit.Status.IsTerminal())
        {
            Logger.LogInformation("Orchestration {Name} {InstanceId} finished: {Status}.", instance.Name, instance.InstanceId, commit.Status);
        }
    }

    private async Task<(OrchestrationCommit Commit, OrchestrationExecutor? Executor)> BuildCommitAsync(
        OrchestrationWorkItem item, CancellationToken stopping)
    {
        var instance = item.Instance;
        var now = Time.GetUtcNow();
        var consumed = new List<StoredMessage>();
        var deliver = new List<HistoryEvent>();
        var suspended = instance.Status == OrchestrationRuntimeStatus.Suspended;
        ExecutionTerminatedEvent? terminated = null;
        foreach (var message in item.Messages)
        {
            var stale = message.ExecutionId is not null && message.ExecutionId != instance.ExecutionId;
            if (stale || instance.Status.IsTerminal() || terminated is not null)
            {
                consumed.Add(message);
                continue;
            }

            switch (message.Event)
            {
                case ExecutionTerminatedEvent t:
                    terminated = t with { Timestamp = now.UtcDateTime };
                    consumed.Add(message);
                    break;
                case ExecutionSuspendedEvent s:
                    consumed.Add(message);
                    if (!suspended)
                    {
                        suspended = true;
                        deliver.Add(s with { Timestamp = now.UtcDateTime });
                    }

                    break;
                case ExecutionResumedEvent r:
                    consumed.Add(message);
                    if (suspended)
                    {
                        suspended = false;
                        deliver.Add(r with { Timestamp = now.UtcDateTime });
                    }

                    break;
                default:
                    if (!suspended)
                    {
                        consumed.Add(message);
                        deliver.Add(message.Event);
                    }

                    break;
            }
        }

        if (instance.Status.IsTerminal())
        {
            return (Unchanged(instance, consumed), null);
        }

        if (terminated is not null)
        {
            cache.Take(instance.InstanceId, instance.ExecutionId, -1);
            return (Terminate(item, terminated, consumed, now), null);
        }

        var startsNow = deliver.Any(e => e is ExecutionStartedEvent);
        if (item.HistoryLength == 0 && !startsNow)
        {
            // Nothing has started yet (a delayed start); only suspend and resume can have been applied.
            var status = suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Pending;
            return (Unchanged(instance, consumed) with { Status = status, NewHistory = deliver }, null);
        }

        var executor = cache.Take(instance.InstanceId, instance.ExecutionId, item.HistoryLength);
        if (executor is null)
        {
            executor = new OrchestrationExecutor(instance.InstanceId, resolveOrchestrator, JsonDataConverter.Default, loggerFactory);
            executor.Replay(await Store.GetHistoryAsync(instance.InstanceId, stopping).ConfigureAwait(false));
        }

        var episode = executor.RunEpisode(deliver, now.UtcDateTime);
        return (ToCommit(item, episode, consumed, suspended, now), executor);
    }

    private static OrchestrationCommit Unchanged(InstanceRecord instance, List<StoredMessage> consumed) => new()
    {
        Status = instance.Status,
        Output = instance.Output,
        CustomStatus = instance.CustomStatus,
        Failure = instance.Failure,
        ConsumedMessages = consumed,
    };

    /// <summary>Fails an instance whose episodes keep failing before they commit, so it stops coming back.</summary>
    private OrchestrationCommit GiveUp(OrchestrationWorkItem item, DateTimeOffset now)
    {
        var instance = item.Instance;
        cache.Take(instance.InstanceId, instance.ExecutionId, -1);
        Logger.LogError("Orchestration {Name} {InstanceId} failed: gave up after {Attempts} attempts without a commit.", instance.Name, instance.InstanceId, item.Attempt - 1);
        var failure = new TaskFailureDetails(
            "Workflows.Durable.EpisodeAttemptsExhausted",
            $"The engine gave up on this instance after {item.Attempt - 1} attempts to run an episode; each crashed the worker, could not be prepared or lost its lease. The worker logs name the cause.",
            null,
            null);
        return new OrchestrationCommit
        {
            Status = OrchestrationRuntimeStatus.Failed,
            CustomStatus = instance.CustomStatus,
            Failure = failure,
            NewHistory = [new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, failure) { Timestamp = now.UtcDateTime }],
            ConsumedMessages = item.Messages,
            Messages = ParentFailed(instance, failure, now),
        };
    }

    private static OrchestrationCommit Terminate(OrchestrationWorkItem item, ExecutionTerminatedEvent terminated, List<StoredMessage> consumed, DateTimeOffset now)
    {
        var instance = item.Instance;
        var failure = new TaskFailureDetails("Workflows.Durable.OrchestrationTerminated", $"Sub-orchestration '{instance.InstanceId}' was terminated.", null, null);

        return new OrchestrationCommit
        {
            Status = OrchestrationRuntimeStatus.Terminated,
            Output = terminated.Output,
            CustomStatus = instance.CustomStatus,
            NewHistory = [terminated],
            ConsumedMessages = consumed,
            Messages = ParentFailed(instance, failure, now),
        };
    }

    /// <summary>The message that fails a parent's sub-orchestration task; none for a top-level instance.</summary>
    private static List<OutgoingMessage> ParentFailed(InstanceRecord instance, TaskFailureDetails failure, DateTimeOffset now) =>
        instance.Parent is { } parent
            ? [new(parent.InstanceId, parent.ExecutionId, new SubOrchestrationFailedEvent(parent.TaskId, failure) { Timestamp = now.UtcDateTime }, now)]
            : [];

    private static OrchestrationCommit ToCommit(
        OrchestrationWorkItem item, EpisodeResult episode, List<StoredMessage> consumed, bool suspended, DateTimeOffset now)
    {
        var instance = item.Instance;
        var activities = new List<ActivityRequest>();
        var messages = new List<OutgoingMessage>();
        var children = new List<NewInstance>();
        foreach (var action in episode.Actions)
        {
            switch (action)
            {
                case TaskScheduledEvent task:
                    activities.Add(new ActivityRequest(instance.InstanceId, instance.ExecutionId, task.TaskId, task.Name, task.Input));
                    break;
                case TimerCreatedEvent timer:
                    var fireAt = new DateTimeOffset(DateTime.SpecifyKind(timer.FireAt, DateTimeKind.Utc));
                    messages.Add(new OutgoingMessage(instance.InstanceId, instance.ExecutionId,
                        new TimerFiredEvent(timer.TaskId, timer.FireAt) { Timestamp = timer.FireAt }, fireAt));
                    break;
                case EventSentEvent sent:
                    messages.Add(new OutgoingMessage(sent.TargetInstanceId, null,
                        new EventRaisedEvent(sent.Name, sent.Input) { Timestamp = now.UtcDateTime }, now));
                    break;
                case SubOrchestrationCreatedEvent child:
                    children.Add(new NewInstance(child.InstanceId, child.Name, child.Input, now)
                    {
                        Parent = new ParentInstance(instance.InstanceId, instance.ExecutionId, child.TaskId),
                    });
                    break;
            }
        }

        if (instance.Parent is { } parent && episode.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed)
        {
            HistoryEvent result = episode.Status == OrchestrationRuntimeStatus.Completed
                ? new SubOrchestrationCompletedEvent(parent.TaskId, episode.Output) { Timestamp = now.UtcDateTime }
                : new SubOrchestrationFailedEvent(parent.TaskId, episode.Failure!) { Timestamp = now.UtcDateTime };
            messages.Add(new OutgoingMessage(parent.InstanceId, parent.ExecutionId, result, now));
        }

        if (episode.Status == OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            var executionId = Guid.NewGuid().ToString("N");
            var started = new ExecutionStartedEvent(instance.Name, episode.ContinueAsNewInput)
            {
                Parent = instance.Parent,
                CarriedEvents = episode.CarriedEvents.Count > 0 ? episode.CarriedEvents : null,
                Timestamp = now.UtcDateTime,
            };
            var restart = new List<OutgoingMessage> { new(instance.InstanceId, executionId, started, now) };
            restart.AddRange(messages.Where(m => m.Event is EventRaisedEvent));
            return new OrchestrationCommit
            {
                Status = OrchestrationRuntimeStatus.Running,
                CustomStatus = episode.CustomStatus,
                ConsumedMessages = consumed,
                Messages = restart,
                NewExecutionId = executionId,
                NewInput = episode.ContinueAsNewInput,
            };
        }

        var status = episode.Status == OrchestrationRuntimeStatus.Running && suspended ? OrchestrationRuntimeStatus.Suspended : episode.Status;
        return new OrchestrationCommit
        {
            Status = status,
            Output = episode.Output,
            CustomStatus = episode.CustomStatus,
            Failure = episode.Failure,
            NewHistory = episode.NewHistory,
            ConsumedMessages = consumed,
            Activities = activities,
            Messages = messages,
            SubOrchestrations = children,
        };
    }
}
