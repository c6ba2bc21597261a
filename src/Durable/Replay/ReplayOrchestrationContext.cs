using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Workflows.Durable.History;

namespace Workflows.Durable.Replay;

/// <summary>
/// The context an orchestrator runs against. Each request the code makes becomes a pending action with the
/// next task id; the executor matches it against history (replay) or sends it out (new work).
/// </summary>
internal sealed class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private static readonly Guid GuidNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    private readonly string? serializedInput;
    private readonly JsonDataConverter converter;
    private readonly ILoggerFactory loggerFactory;
    private readonly SortedDictionary<int, HistoryEvent> pendingActions = [];
    private readonly Dictionary<int, OpenTask> openTasks = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaisedEvent> bufferedEvents = [];
    private int nextTaskId;
    private int guidCounter;

    public ReplayOrchestrationContext(
        TaskName name, string instanceId, string? serializedInput, JsonDataConverter converter, ILoggerFactory loggerFactory)
    {
        Name = name;
        InstanceId = instanceId;
        this.serializedInput = serializedInput;
        this.converter = converter;
        this.loggerFactory = loggerFactory;
    }

    public override TaskName Name { get; }

    public override string InstanceId { get; }

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public override bool IsReplaying => Replaying;

    internal DateTime CurrentTime { get; set; }

    internal bool Replaying { get; set; }

    internal string? SerializedCustomStatus { get; private set; }

    internal (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    internal IReadOnlyList<EventRaisedEvent> UnprocessedEvents => bufferedEvents;

    public override T? GetInput<T>() where T : default => converter.Deserialize<T>(serializedInput);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        WithRetry(() => ScheduleActivity<TResult>(name, input), options);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId;
        return WithRetry(() => ScheduleSubOrchestration<TResult>(orchestratorName, input, instanceId), options);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = nextTaskId++;
        var due = fireAt.Kind switch
        {
            DateTimeKind.Local => fireAt.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(fireAt, DateTimeKind.Utc),
            _ => fireAt,
        };
        pendingActions[id] = new TimerCreatedEvent(id, due) { Timestamp = CurrentTime };
        var completion = Open(id, "timer");
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        return completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var buffered = bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            var input = bufferedEvents[buffered].Input;
            bufferedEvents.RemoveAt(buffered);
            return Task.FromResult(converter.Deserialize<T>(input)!);
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!eventWaiters.TryGetValue(eventName, out var waiters))
        {
            eventWaiters[eventName] = waiters = new LinkedList<TaskCompletionSource<string?>>();
        }

        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (waiter.TrySetCanceled(cancellationToken) && node.List is not null)
                {
                    waiters.Remove(node);
                }
            });
        }

        return Deserialize<T>(waiter.Task);
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await WaitForExternalEvent<T>(eventName, cancellationToken);
        }

        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeoutTask = CreateTimer(CurrentUtcDateTime.Add(timeout), timerCancellation.Token);
        var eventTask = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        var winner = await Task.WhenAny(timeoutTask, eventTask);

        // Cancel() runs the callbacks here, on the orchestration's thread; CancelAsync would run them on the thread pool.
#pragma warning disable CA1849
        (winner == eventTask ? timerCancellation : eventCancellation).Cancel();
#pragma warning restore CA1849

        return await eventTask;
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var id = nextTaskId++;
        pendingActions[id] = new EventSentEvent(id, instanceId, eventName, converter.Serialize(payload)) { Timestamp = CurrentTime };
    }

    public override void SetCustomStatus(object? customStatus) => SerializedCustomStatus = converter.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // A name-based (version 5) UUID from values that are the same on every replay.
        var name = $"{InstanceId}_{CurrentTime:o}_{guidCounter++}";
        Span<byte> buffer = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(name.Length)];
        GuidNamespace.TryWriteBytes(buffer, bigEndian: true, out _);
        var length = 16 + Encoding.UTF8.GetBytes(name, buffer[16..]);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for version 5 UUIDs; it is not used for security.
        SHA1.HashData(buffer[..length], hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, loggerFactory.CreateLogger(categoryName));

    /// <summary>Checks a scheduling event from history against what the code asked for under the same task id.</summary>
    internal void MatchRecorded(HistoryEvent recorded, int taskId)
    {
        if (!pendingActions.Remove(taskId, out var asked))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' ({InstanceId}): history recorded {Describe(recorded)} as task #{taskId}, " +
                "but the orchestrator code did not ask for anything as that task.");
        }

        if (asked.GetType() != recorded.GetType() || !string.Equals(NameOf(asked), NameOf(recorded), StringComparison.OrdinalIgnoreCase))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' ({InstanceId}): history recorded {Describe(recorded)} as task #{taskId}, " +
                $"but the orchestrator code now asks for {Describe(asked)}.");
        }
    }

    /// <summary>Removes and returns the actions the code asked for that history does not hold yet, in task order.</summary>
    internal List<HistoryEvent> TakeNewActions()
    {
        var actions = pendingActions.Values.ToList();
        pendingActions.Clear();
        return actions;
    }

    internal void CompleteTask(int taskId, string? result)
    {
        if (openTasks.Remove(taskId, out var open))
        {
            open.Completion.TrySetResult(result);
        }
    }

    internal void FailTask(int taskId, TaskFailureDetails failure)
    {
        if (openTasks.Remove(taskId, out var open))
        {
            open.Completion.TrySetException(new TaskFailedException(open.Name, taskId, failure));
        }
    }

    internal void RaiseEvent(EventRaisedEvent raised)
    {
        if (eventWaiters.TryGetValue(raised.Name, out var waiters))
        {
            while (waiters.First is { } first)
            {
                waiters.RemoveFirst();
                if (first.Value.TrySetResult(raised.Input))
                {
                    return;
                }
            }
        }

        bufferedEvents.Add(raised);
    }

    private static string NameOf(HistoryEvent e) => e switch
    {
        TaskScheduledEvent t => t.Name,
        SubOrchestrationCreatedEvent s => s.Name,
        EventSentEvent s => s.Name,
        _ => string.Empty,
    };

    private static string Describe(HistoryEvent e) => e switch
    {
        TaskScheduledEvent t => $"activity '{t.Name}'",
        TimerCreatedEvent t => $"a timer (due {t.FireAt:o})",
        SubOrchestrationCreatedEvent s => $"sub-orchestration '{s.Name}'",
        EventSentEvent s => $"sending event '{s.Name}'",
        _ => e.GetType().Name,
    };

    private async Task<T> WithRetry<T>(Func<Task<T>> attempt, TaskOptions? options)
    {
        if (options?.Retry?.Policy is not { } policy)
        {
            return await attempt();
        }

        var firstAttemptAt = CurrentTime;
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failed) when (
                failures < policy.MaxNumberOfAttempts && (policy.HandleFailure?.Invoke(failed.FailureDetails) ?? true))
            {
                var delay = policy.DelayAfter(failures);
                if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentTime + delay > firstAttemptAt + policy.RetryTimeout)
                {
                    throw;
                }

                await CreateTimer(CurrentTime + delay, CancellationToken.None);
            }
        }
    }

    private Task<T> ScheduleActivity<T>(TaskName name, object? input)
    {
        var id = nextTaskId++;
        pendingActions[id] = new TaskScheduledEvent(id, name.Name, converter.Serialize(input)) { Timestamp = CurrentTime };
        return Deserialize<T>(Open(id, name.Name).Task);
    }

    private Task<T> ScheduleSubOrchestration<T>(TaskName name, object? input, string? instanceId)
    {
        var id = nextTaskId++;
        var childId = instanceId ?? NewGuid().ToString("N");
        pendingActions[id] = new SubOrchestrationCreatedEvent(id, name.Name, childId, converter.Serialize(input)) { Timestamp = CurrentTime };
        return Deserialize<T>(Open(id, name.Name).Task);
    }

    private TaskCompletionSource<string?> Open(int taskId, string name)
    {
        var completion = new TaskCompletionSource<string?>();
        openTasks[taskId] = new OpenTask(name, completion);
        return completion;
    }

    private async Task<T> Deserialize<T>(Task<string?> serialized) => converter.Deserialize<T>(await serialized)!;

    private sealed record OpenTask(string Name, TaskCompletionSource<string?> Completion);
}
