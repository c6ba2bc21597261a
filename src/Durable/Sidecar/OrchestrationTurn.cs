using Core = DurableTask.Core;
using H = DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sidecar;

/// <summary>
/// One turn of an orchestration: the new messages of a locked work item become history, the worker's actions become
/// new history and the messages the service sends on (activities, timers, other instances), and ContinueAsNew starts a
/// new execution within the same lock. Every event is stamped with the backend's <see cref="TimeProvider"/>, which is
/// what the orchestration sees as <c>CurrentUtcDateTime</c>.
/// </summary>
internal sealed class OrchestrationTurn
{
    private readonly Core.TaskOrchestrationWorkItem workItem;
    private readonly TimeProvider clock;

    public OrchestrationTurn(Core.TaskOrchestrationWorkItem workItem, TimeProvider clock)
    {
        this.workItem = workItem;
        this.clock = clock;
    }

    public List<Core.TaskMessage> ActivityMessages { get; } = [];

    public List<Core.TaskMessage> OrchestratorMessages { get; } = [];

    public List<Core.TaskMessage> TimerMessages { get; } = [];

    public Core.OrchestrationRuntimeState State => workItem.OrchestrationRuntimeState;

    /// <summary>
    /// Adds an OrchestratorStarted event and the work item's new messages to the history. Returns false when there is
    /// nothing for the worker to run: messages for an instance that never started, for an old execution, or for one
    /// that has finished; the work item then completes unchanged and the messages are dropped.
    /// </summary>
    public bool Begin()
    {
        var messages = workItem.NewMessages ?? [];
        var start = messages.Select(m => m.Event).OfType<H.ExecutionStartedEvent>().FirstOrDefault();
        if (start is not null && (State.ExecutionStartedEvent is null || State.ExecutionStartedEvent.OrchestrationInstance?.ExecutionId != start.OrchestrationInstance?.ExecutionId))
        {
            // A new start replaces whatever execution was there (a finished instance started again under its id).
            workItem.OrchestrationRuntimeState = new Core.OrchestrationRuntimeState();
        }

        if (State.ExecutionStartedEvent is null && start is null)
        {
            return false;
        }

        var running = State.ExecutionStartedEvent is null || !IsFinished(State.OrchestrationStatus);
        var executionId = (State.ExecutionStartedEvent ?? start)!.OrchestrationInstance?.ExecutionId;
        var accepted = messages
            .Where(m => m.Event is H.ExecutionStartedEvent || m.OrchestrationInstance?.ExecutionId is null || m.OrchestrationInstance.ExecutionId == executionId)
            .OrderBy(m => m.Event is H.ExecutionStartedEvent ? 0 : 1)
            .ToList();
        if (!running || accepted.Count == 0)
        {
            return false;
        }

        Add(new H.OrchestratorStartedEvent(-1));
        foreach (var message in accepted)
        {
            if (message.Event is H.ExecutionStartedEvent && State.ExecutionStartedEvent is not null)
            {
                continue;
            }

            State.AddEvent(message.Event);
        }

        return State.ExecutionStartedEvent is not null;
    }

    /// <summary>
    /// The request the worker runs: what is new and, unless the worker still holds the orchestration from its last
    /// turn (an extended session), what it has seen before.
    /// </summary>
    public P.OrchestratorRequest Request(bool withPastEvents = true)
    {
        var request = new P.OrchestratorRequest
        {
            InstanceId = workItem.InstanceId,
            ExecutionId = State.OrchestrationInstance?.ExecutionId,
        };
        if (withPastEvents)
        {
            request.PastEvents.AddRange(State.PastEvents.Select(ProtoHistory.ToProto));
        }

        request.NewEvents.AddRange(State.NewEvents.Select(ProtoHistory.ToProto));
        return request;
    }

    /// <summary>
    /// Applies the worker's answer. Returns true when the orchestration continued as new: the state then holds the new
    /// execution's first events and the worker is to run it again before the turn is committed.
    /// </summary>
    public bool Apply(P.OrchestratorResponse response)
    {
        var instance = State.OrchestrationInstance!;
        State.Status = response.CustomStatus;
        foreach (var action in response.Actions)
        {
            switch (action.OrchestratorActionTypeCase)
            {
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask:
                    var task = action.ScheduleTask;
                    var scheduled = Stamp(new H.TaskScheduledEvent(action.Id, task.Name, task.Version, task.Input)
                    {
                        Tags = ProtoHistory.Tags(task.Tags),
                        ParentTraceContext = ProtoHistory.ToCore(task.ParentTraceContext),
                    });
                    State.AddEvent(scheduled);
                    ActivityMessages.Add(new Core.TaskMessage { Event = scheduled, OrchestrationInstance = instance });
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer:
                    var fireAt = action.CreateTimer.FireAt.ToDateTime();
                    Add(new H.TimerCreatedEvent(action.Id, fireAt));
                    TimerMessages.Add(new Core.TaskMessage { Event = Stamp(new H.TimerFiredEvent(-1, fireAt) { TimerId = action.Id }), OrchestrationInstance = instance });
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration:
                    StartSubOrchestration(action.Id, action.CreateSubOrchestration, instance);
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent:
                    var send = action.SendEvent;
                    Add(new H.EventSentEvent(action.Id) { InstanceId = send.Instance.InstanceId, Name = send.Name, Input = send.Data });
                    OrchestratorMessages.Add(new Core.TaskMessage
                    {
                        Event = Stamp(new H.EventRaisedEvent(-1, send.Data) { Name = send.Name }),
                        OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = send.Instance.InstanceId },
                    });
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.TerminateOrchestration:
                    var terminate = action.TerminateOrchestration;
                    OrchestratorMessages.Add(new Core.TaskMessage
                    {
                        Event = Stamp(new H.ExecutionTerminatedEvent(-1, terminate.Reason)),
                        OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = terminate.InstanceId },
                    });
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration:
                    if (Complete(action.Id, action.CompleteOrchestration, instance))
                    {
                        return true;
                    }

                    break;
                default:
                    // Entities and worker-driven rewinds are not served by this backend: fail the instance, visibly.
                    Complete(action.Id, new P.CompleteOrchestrationAction
                    {
                        OrchestrationStatus = P.OrchestrationStatus.Failed,
                        FailureDetails = new P.TaskFailureDetails
                        {
                            ErrorType = "NotSupported",
                            ErrorMessage = $"The orchestration asked for {action.OrchestratorActionTypeCase}, which this backend does not serve.",
                            IsNonRetriable = true,
                        },
                    }, instance);
                    break;
            }
        }

        if (State.Events.Count == 0 || State.Events[^1] is not H.OrchestratorCompletedEvent)
        {
            Add(new H.OrchestratorCompletedEvent(-1));
        }

        return false;
    }

    /// <summary>The instance's row as a service stores it, after this turn.</summary>
    public Core.OrchestrationState Summary()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var started = State.ExecutionStartedEvent;
        var status = State.OrchestrationStatus;
        return new Core.OrchestrationState
        {
            OrchestrationInstance = State.OrchestrationInstance,
            Name = State.Name,
            Version = State.Version,
            OrchestrationStatus = status,
            Status = State.Status,
            Input = State.Input,
            Output = State.Output,
            FailureDetails = State.FailureDetails,
            CreatedTime = started!.Timestamp,
            LastUpdatedTime = now,
            CompletedTime = IsFinished(status) ? now : Core.Common.DateTimeUtils.MinDateTime,
            ParentInstance = State.ParentInstance,
            Tags = State.Tags,
            ScheduledStartTime = started.ScheduledStartTime,
        };
    }

    public static bool IsFinished(Core.OrchestrationStatus status) =>
        status is Core.OrchestrationStatus.Completed or Core.OrchestrationStatus.Failed or Core.OrchestrationStatus.Terminated or Core.OrchestrationStatus.Canceled;

    private bool Complete(int id, P.CompleteOrchestrationAction complete, Core.OrchestrationInstance instance)
    {
        if (complete.OrchestrationStatus == P.OrchestrationStatus.ContinuedAsNew)
        {
            ContinueAsNew(complete, instance);
            return true;
        }

        var status = (Core.OrchestrationStatus)complete.OrchestrationStatus;
        var failure = ProtoHistory.ToCore(complete.FailureDetails);
        Add(new H.ExecutionCompletedEvent(id, complete.Result, status, failure));
        if (State.ParentInstance is { } parent)
        {
            H.HistoryEvent notice = status == Core.OrchestrationStatus.Completed
                ? new H.SubOrchestrationInstanceCompletedEvent(-1, parent.TaskScheduleId, complete.Result)
                : new H.SubOrchestrationInstanceFailedEvent(
                    -1,
                    parent.TaskScheduleId,
                    failure?.ErrorMessage ?? $"Sub-orchestration '{instance.InstanceId}' ended as {status}.",
                    failure?.StackTrace,
                    failure ?? new Core.FailureDetails(status.ToString(), $"Sub-orchestration '{instance.InstanceId}' ended as {status}.", null, null, true));
            OrchestratorMessages.Add(new Core.TaskMessage { Event = Stamp(notice), OrchestrationInstance = parent.OrchestrationInstance });
        }

        return false;
    }

    private void ContinueAsNew(P.CompleteOrchestrationAction complete, Core.OrchestrationInstance instance)
    {
        var old = State;
        var started = Stamp(new H.ExecutionStartedEvent(-1, complete.Result)
        {
            Name = old.Name,
            Version = complete.NewVersion ?? old.Version,
            OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = instance.InstanceId, ExecutionId = Guid.NewGuid().ToString("N") },
            ParentInstance = old.ParentInstance,
            Tags = old.Tags,
            ParentTraceContext = old.ExecutionStartedEvent!.ParentTraceContext,
        });

        // What the old execution scheduled for itself is void; what it sent to other instances stands. Events it sent to
        // itself are the ones it kept unprocessed (preserveUnprocessedEvents): the new execution starts with them.
        ActivityMessages.Clear();
        TimerMessages.Clear();
        var kept = OrchestratorMessages.Where(m => m.OrchestrationInstance?.InstanceId == instance.InstanceId).Select(m => m.Event).OfType<H.EventRaisedEvent>().ToList();
        OrchestratorMessages.RemoveAll(m => m.OrchestrationInstance?.InstanceId == instance.InstanceId);

        var next = new Core.OrchestrationRuntimeState { Status = old.Status };
        workItem.OrchestrationRuntimeState = next;
        next.AddEvent(Stamp(new H.OrchestratorStartedEvent(-1)));
        next.AddEvent(started);
        foreach (var carried in complete.CarryoverEvents.Select(ProtoHistory.ToCore).Concat(kept))
        {
            next.AddEvent(Stamp(carried));
        }
    }

    private void StartSubOrchestration(int id, P.CreateSubOrchestrationAction create, Core.OrchestrationInstance parent)
    {
        Add(new H.SubOrchestrationInstanceCreatedEvent(id)
        {
            InstanceId = create.InstanceId,
            Name = create.Name,
            Version = create.Version,
            Input = create.Input,
            Tags = ProtoHistory.Tags(create.Tags),
        });
        var child = new Core.OrchestrationInstance { InstanceId = create.InstanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        OrchestratorMessages.Add(new Core.TaskMessage
        {
            OrchestrationInstance = child,
            Event = Stamp(new H.ExecutionStartedEvent(-1, create.Input)
            {
                Name = create.Name,
                Version = create.Version,
                OrchestrationInstance = child,
                ParentInstance = new Core.ParentInstance
                {
                    OrchestrationInstance = parent,
                    Name = State.Name,
                    Version = State.Version,
                    TaskScheduleId = id,
                },
                ParentTraceContext = ProtoHistory.ToCore(create.ParentTraceContext),
                Tags = ProtoHistory.Tags(create.Tags),
            }),
        });
    }

    private void Add(H.HistoryEvent e) => State.AddEvent(Stamp(e));

    private T Stamp<T>(T e)
        where T : H.HistoryEvent
    {
        e.Timestamp = clock.GetUtcNow().UtcDateTime;
        return e;
    }
}
