using Microsoft.Extensions.Logging;
using Workflows.Durable.History;

namespace Workflows.Durable.Replay;

/// <summary>
/// Runs one orchestration instance's code against its history. It is stateful: after an episode the
/// orchestrator stays suspended at its awaits, so the worker may keep the executor and feed it only the next
/// episode's events instead of replaying everything again.
/// </summary>
internal sealed class OrchestrationExecutor
{
    private readonly string instanceId;
    private readonly Func<TaskName, ITaskOrchestrator?> resolveOrchestrator;
    private readonly JsonDataConverter converter;
    private readonly ILoggerFactory loggerFactory;
    private readonly OrchestrationSynchronizationContext synchronizationContext = new();
    private readonly List<EventRaisedEvent> earlyEvents = [];
    private ReplayOrchestrationContext? context;
    private Task<object?>? run;
    private Outcome? outcome;
    private Exception? fault;
    private DateTime episodeTime;
    private bool replaying;

    public OrchestrationExecutor(
        string instanceId, Func<TaskName, ITaskOrchestrator?> resolveOrchestrator, JsonDataConverter converter, ILoggerFactory loggerFactory)
    {
        this.instanceId = instanceId;
        this.resolveOrchestrator = resolveOrchestrator;
        this.converter = converter;
        this.loggerFactory = loggerFactory;
    }

    /// <summary>How many history events this executor has applied; a cached executor is valid only for a history of this length.</summary>
    public int AppliedEventCount { get; private set; }

    /// <summary>Replays <paramref name="past"/> (events not yet applied by this executor).</summary>
    public void Replay(IReadOnlyList<HistoryEvent> past)
    {
        Apply(past, replaying: true);
    }

    /// <summary>
    /// Runs one new episode at <paramref name="now"/> over <paramref name="newEvents"/> and returns what to
    /// commit. The executor must have applied the whole past history first.
    /// </summary>
    public EpisodeResult RunEpisode(IReadOnlyList<HistoryEvent> newEvents, DateTime now)
    {
        var applied = new List<HistoryEvent>(newEvents.Count + 1) { new OrchestratorStartedEvent { Timestamp = now } };
        applied.AddRange(newEvents);
        var unapplied = Apply(applied, replaying: false);

        // Work the code asked for before it returned still goes out (an event sent just before completing);
        // a failed orchestration's last requests do not.
        var actions = fault is null && context is not null && outcome?.Status != OrchestrationRuntimeStatus.Failed
            ? context.TakeNewActions()
            : [];
        var history = new List<HistoryEvent>(applied.Count + actions.Count + 1);
        history.AddRange(applied);
        history.AddRange(actions);

        var result = Finish(now, actions, unapplied);
        if (result.Status is not OrchestrationRuntimeStatus.Running)
        {
            history.Add(new ExecutionCompletedEvent(result.Status, result.Output, result.Failure) { Timestamp = now });
        }

        AppliedEventCount += actions.Count + (result.Status is OrchestrationRuntimeStatus.Running ? 0 : 1);
        return result with { NewHistory = history };
    }

    private EpisodeResult Finish(DateTime now, List<HistoryEvent> actions, List<EventRaisedEvent> unapplied)
    {
        if (fault is not null)
        {
            outcome ??= new Outcome(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(fault));
        }

        var status = outcome?.Status ?? OrchestrationRuntimeStatus.Running;
        var carried = new List<EventRaisedEvent>();
        if (status == OrchestrationRuntimeStatus.ContinuedAsNew && context!.ContinueAsNewRequest!.Value.PreserveEvents)
        {
            carried.AddRange(context.UnprocessedEvents);
            carried.AddRange(unapplied);
        }

        return new EpisodeResult
        {
            NewHistory = [],
            Actions = actions,
            Status = status,
            Output = outcome?.Output,
            Failure = outcome?.Failure,
            CustomStatus = context?.SerializedCustomStatus,
            ContinueAsNewInput = status == OrchestrationRuntimeStatus.ContinuedAsNew ? context!.ContinueAsNewRequest!.Value.Input : null,
            CarriedEvents = carried.Select(e => e with { Timestamp = now }).ToList(),
        };
    }

    /// <summary>Applies events in order; returns the external events that arrived after the orchestration finished.</summary>
    private List<EventRaisedEvent> Apply(IReadOnlyList<HistoryEvent> events, bool replaying)
    {
        var unapplied = new List<EventRaisedEvent>();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(synchronizationContext);
        try
        {
            foreach (var e in events)
            {
                AppliedEventCount++;
                if (outcome is not null || fault is not null)
                {
                    if (e is EventRaisedEvent late)
                    {
                        unapplied.Add(late);
                    }

                    continue;
                }

                this.replaying = replaying;
                if (context is not null)
                {
                    context.Replaying = replaying;
                }

                try
                {
                    ApplyOne(e);
                    synchronizationContext.RunPending();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    fault = ex;
                    continue;
                }

                CheckCompletion();
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        return unapplied;
    }

    private void ApplyOne(HistoryEvent e)
    {
        switch (e)
        {
            case OrchestratorStartedEvent:
                if (context is not null)
                {
                    context.CurrentTime = e.Timestamp;
                }

                episodeTime = e.Timestamp;
                break;
            case ExecutionStartedEvent started:
                Start(started);
                break;
            case TaskScheduledEvent s:
                RequireContext().MatchRecorded(s, s.TaskId);
                break;
            case TimerCreatedEvent s:
                RequireContext().MatchRecorded(s, s.TaskId);
                break;
            case SubOrchestrationCreatedEvent s:
                RequireContext().MatchRecorded(s, s.TaskId);
                break;
            case EventSentEvent s:
                RequireContext().MatchRecorded(s, s.TaskId);
                break;
            case TaskCompletedEvent c:
                RequireContext().CompleteTask(c.TaskScheduledId, c.Result);
                break;
            case TaskFailedEvent f:
                RequireContext().FailTask(f.TaskScheduledId, f.FailureDetails);
                break;
            case TimerFiredEvent t:
                RequireContext().CompleteTask(t.TimerId, null);
                break;
            case SubOrchestrationCompletedEvent c:
                RequireContext().CompleteTask(c.TaskScheduledId, c.Result);
                break;
            case SubOrchestrationFailedEvent f:
                RequireContext().FailTask(f.TaskScheduledId, f.FailureDetails);
                break;
            case EventRaisedEvent raised when context is null:
                // An event that reached the inbox before the execution's start (around a continue-as-new) waits for it.
                earlyEvents.Add(raised);
                break;
            case EventRaisedEvent raised:
                context.RaiseEvent(raised);
                break;
            default:
                // Completion, termination, suspension and resumption are bookkeeping; the code never sees them.
                break;
        }
    }

    private void Start(ExecutionStartedEvent started)
    {
        var name = new TaskName(started.Name);
        context = new ReplayOrchestrationContext(name, instanceId, started.Input, converter, loggerFactory)
        {
            CurrentTime = episodeTime,
            Replaying = replaying,
        };
        var orchestrator = resolveOrchestrator(name)
            ?? throw new InvalidOperationException($"No orchestrator named '{started.Name}' is registered with this worker.");
        // Carried events arrived before any event that reached the inbox during the restart, so they go first.
        foreach (var early in (started.CarriedEvents ?? []).Concat(earlyEvents))
        {
            context.RaiseEvent(early);
        }

        earlyEvents.Clear();
        var input = converter.Deserialize(started.Input, orchestrator.InputType);
        run = orchestrator.RunAsync(context, input);
    }

    private ReplayOrchestrationContext RequireContext() =>
        context ?? throw new InvalidOperationException($"History of '{instanceId}' does not begin with an ExecutionStarted event.");

    private void CheckCompletion()
    {
        if (run is not { IsCompleted: true } || outcome is not null)
        {
            return;
        }

        if (run.IsCompletedSuccessfully)
        {
            outcome = context!.ContinueAsNewRequest is { } next
                ? new Outcome(OrchestrationRuntimeStatus.ContinuedAsNew, next.Input, null)
                : new Outcome(OrchestrationRuntimeStatus.Completed, converter.Serialize(run.Result), null);
        }
        else
        {
            Exception error = run.IsCanceled
                ? new TaskCanceledException("The orchestrator's task was canceled.")
                : run.Exception!.InnerExceptions.Count == 1 ? run.Exception.InnerException! : run.Exception;
            outcome = new Outcome(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
        }
    }

    private sealed record Outcome(OrchestrationRuntimeStatus Status, string? Output, TaskFailureDetails? Failure);
}
