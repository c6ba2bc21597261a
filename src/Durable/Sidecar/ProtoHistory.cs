using DurableTask.Core.Tracing;
using Google.Protobuf.WellKnownTypes;
using Core = DurableTask.Core;
using H = DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sidecar;

/// <summary>
/// History events between DurableTask.Core's classes (what an <c>IOrchestrationService</c> stores) and the sidecar
/// protocol's messages (what Microsoft's worker replays). The SQLite service stores the protocol form too, so the two
/// directions are one mapping and round-trip without loss for every event the protocol carries.
/// </summary>
internal static class ProtoHistory
{
    public static P.HistoryEvent ToProto(H.HistoryEvent e)
    {
        var proto = new P.HistoryEvent { EventId = e.EventId, Timestamp = Stamp(e.Timestamp) };
        switch (e)
        {
            case H.ExecutionStartedEvent started:
                proto.ExecutionStarted = new P.ExecutionStartedEvent
                {
                    Name = started.Name ?? string.Empty,
                    Version = started.Version,
                    Input = started.Input,
                    OrchestrationInstance = ToProto(started.OrchestrationInstance),
                    ParentInstance = started.ParentInstance is { } parent ? new P.ParentInstanceInfo
                    {
                        TaskScheduledId = parent.TaskScheduleId,
                        Name = parent.Name,
                        Version = parent.Version,
                        OrchestrationInstance = ToProto(parent.OrchestrationInstance),
                    } : null,
                    ScheduledStartTimestamp = started.ScheduledStartTime is { } at ? Stamp(at) : null,
                    ParentTraceContext = ToProto(started.ParentTraceContext),
                };
                AddTags(proto.ExecutionStarted.Tags, started.Tags);
                break;
            case H.ContinueAsNewEvent continued:
                proto.ContinueAsNew = new P.ContinueAsNewEvent { Input = continued.Result };
                break;
            case H.ExecutionCompletedEvent completed:
                proto.ExecutionCompleted = new P.ExecutionCompletedEvent
                {
                    OrchestrationStatus = (P.OrchestrationStatus)completed.OrchestrationStatus,
                    Result = completed.Result,
                    FailureDetails = ToProto(completed.FailureDetails),
                };
                break;
            case H.ExecutionTerminatedEvent terminated:
                proto.ExecutionTerminated = new P.ExecutionTerminatedEvent { Input = terminated.Input };
                break;
            case H.TaskScheduledEvent scheduled:
                proto.TaskScheduled = new P.TaskScheduledEvent
                {
                    Name = scheduled.Name ?? string.Empty,
                    Version = scheduled.Version,
                    Input = scheduled.Input,
                    ParentTraceContext = ToProto(scheduled.ParentTraceContext),
                };
                AddTags(proto.TaskScheduled.Tags, scheduled.Tags);
                break;
            case H.TaskCompletedEvent done:
                proto.TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = done.TaskScheduledId, Result = done.Result };
                break;
            case H.TaskFailedEvent failed:
                proto.TaskFailed = new P.TaskFailedEvent { TaskScheduledId = failed.TaskScheduledId, FailureDetails = ToProto(failed.FailureDetails) ?? Reasoned(failed.Reason, failed.Details) };
                break;
            case H.SubOrchestrationInstanceCreatedEvent created:
                proto.SubOrchestrationInstanceCreated = new P.SubOrchestrationInstanceCreatedEvent
                {
                    InstanceId = created.InstanceId ?? string.Empty,
                    Name = created.Name ?? string.Empty,
                    Version = created.Version,
                    Input = created.Input,
                };
                AddTags(proto.SubOrchestrationInstanceCreated.Tags, created.Tags);
                break;
            case H.SubOrchestrationInstanceCompletedEvent subDone:
                proto.SubOrchestrationInstanceCompleted = new P.SubOrchestrationInstanceCompletedEvent { TaskScheduledId = subDone.TaskScheduledId, Result = subDone.Result };
                break;
            case H.SubOrchestrationInstanceFailedEvent subFailed:
                proto.SubOrchestrationInstanceFailed = new P.SubOrchestrationInstanceFailedEvent
                {
                    TaskScheduledId = subFailed.TaskScheduledId,
                    FailureDetails = ToProto(subFailed.FailureDetails) ?? Reasoned(subFailed.Reason, subFailed.Details),
                };
                break;
            case H.TimerCreatedEvent timer:
                proto.TimerCreated = new P.TimerCreatedEvent { FireAt = Stamp(timer.FireAt) };
                break;
            case H.TimerFiredEvent fired:
                proto.TimerFired = new P.TimerFiredEvent { FireAt = Stamp(fired.FireAt), TimerId = fired.TimerId };
                break;
            case H.OrchestratorStartedEvent:
                proto.OrchestratorStarted = new P.OrchestratorStartedEvent();
                break;
            case H.OrchestratorCompletedEvent:
                proto.OrchestratorCompleted = new P.OrchestratorCompletedEvent();
                break;
            case H.EventSentEvent sent:
                proto.EventSent = new P.EventSentEvent { InstanceId = sent.InstanceId ?? string.Empty, Name = sent.Name ?? string.Empty, Input = sent.Input };
                break;
            case H.EventRaisedEvent raised:
                proto.EventRaised = new P.EventRaisedEvent { Name = raised.Name ?? string.Empty, Input = raised.Input };
                break;
            case H.GenericEvent generic:
                proto.GenericEvent = new P.GenericEvent { Data = generic.Data };
                break;
            case H.ExecutionSuspendedEvent suspended:
                proto.ExecutionSuspended = new P.ExecutionSuspendedEvent { Input = suspended.Reason };
                break;
            case H.ExecutionResumedEvent resumed:
                proto.ExecutionResumed = new P.ExecutionResumedEvent { Input = resumed.Reason };
                break;
            case H.ExecutionRewoundEvent rewound:
                proto.ExecutionRewound = new P.ExecutionRewoundEvent { Reason = rewound.Reason };
                break;
            default:
                throw new NotSupportedException($"History event {e.EventType} has no form in the sidecar protocol.");
        }

        return proto;
    }

    public static H.HistoryEvent ToCore(P.HistoryEvent proto)
    {
        H.HistoryEvent e = proto.EventTypeCase switch
        {
            P.HistoryEvent.EventTypeOneofCase.ExecutionStarted => Started(proto.EventId, proto.ExecutionStarted),
            P.HistoryEvent.EventTypeOneofCase.ExecutionCompleted => new H.ExecutionCompletedEvent(
                proto.EventId,
                proto.ExecutionCompleted.Result,
                (Core.OrchestrationStatus)proto.ExecutionCompleted.OrchestrationStatus,
                ToCore(proto.ExecutionCompleted.FailureDetails)),
            P.HistoryEvent.EventTypeOneofCase.ExecutionTerminated => new H.ExecutionTerminatedEvent(proto.EventId, proto.ExecutionTerminated.Input),
            P.HistoryEvent.EventTypeOneofCase.TaskScheduled => Scheduled(proto.EventId, proto.TaskScheduled),
            P.HistoryEvent.EventTypeOneofCase.TaskCompleted => new H.TaskCompletedEvent(proto.EventId, proto.TaskCompleted.TaskScheduledId, proto.TaskCompleted.Result),
            P.HistoryEvent.EventTypeOneofCase.TaskFailed => new H.TaskFailedEvent(
                proto.EventId,
                proto.TaskFailed.TaskScheduledId,
                proto.TaskFailed.FailureDetails?.ErrorMessage,
                null,
                ToCore(proto.TaskFailed.FailureDetails)),
            P.HistoryEvent.EventTypeOneofCase.SubOrchestrationInstanceCreated => new H.SubOrchestrationInstanceCreatedEvent(proto.EventId)
            {
                InstanceId = proto.SubOrchestrationInstanceCreated.InstanceId,
                Name = proto.SubOrchestrationInstanceCreated.Name,
                Version = proto.SubOrchestrationInstanceCreated.Version,
                Input = proto.SubOrchestrationInstanceCreated.Input,
                Tags = Tags(proto.SubOrchestrationInstanceCreated.Tags),
            },
            P.HistoryEvent.EventTypeOneofCase.SubOrchestrationInstanceCompleted => new H.SubOrchestrationInstanceCompletedEvent(
                proto.EventId, proto.SubOrchestrationInstanceCompleted.TaskScheduledId, proto.SubOrchestrationInstanceCompleted.Result),
            P.HistoryEvent.EventTypeOneofCase.SubOrchestrationInstanceFailed => new H.SubOrchestrationInstanceFailedEvent(
                proto.EventId,
                proto.SubOrchestrationInstanceFailed.TaskScheduledId,
                proto.SubOrchestrationInstanceFailed.FailureDetails?.ErrorMessage,
                null,
                ToCore(proto.SubOrchestrationInstanceFailed.FailureDetails)),
            P.HistoryEvent.EventTypeOneofCase.TimerCreated => new H.TimerCreatedEvent(proto.EventId, proto.TimerCreated.FireAt.ToDateTime()),
            P.HistoryEvent.EventTypeOneofCase.TimerFired => new H.TimerFiredEvent(proto.EventId, proto.TimerFired.FireAt.ToDateTime()) { TimerId = proto.TimerFired.TimerId },
            P.HistoryEvent.EventTypeOneofCase.OrchestratorStarted => new H.OrchestratorStartedEvent(proto.EventId),
            P.HistoryEvent.EventTypeOneofCase.OrchestratorCompleted => new H.OrchestratorCompletedEvent(proto.EventId),
            P.HistoryEvent.EventTypeOneofCase.EventSent => new H.EventSentEvent(proto.EventId)
            {
                InstanceId = proto.EventSent.InstanceId,
                Name = proto.EventSent.Name,
                Input = proto.EventSent.Input,
            },
            P.HistoryEvent.EventTypeOneofCase.EventRaised => new H.EventRaisedEvent(proto.EventId, proto.EventRaised.Input) { Name = proto.EventRaised.Name },
            P.HistoryEvent.EventTypeOneofCase.GenericEvent => new H.GenericEvent(proto.EventId, proto.GenericEvent.Data),
            P.HistoryEvent.EventTypeOneofCase.ContinueAsNew => new H.ContinueAsNewEvent(proto.EventId, proto.ContinueAsNew.Input),
            P.HistoryEvent.EventTypeOneofCase.ExecutionSuspended => new H.ExecutionSuspendedEvent(proto.EventId, proto.ExecutionSuspended.Input),
            P.HistoryEvent.EventTypeOneofCase.ExecutionResumed => new H.ExecutionResumedEvent(proto.EventId, proto.ExecutionResumed.Input),
            P.HistoryEvent.EventTypeOneofCase.ExecutionRewound => new H.ExecutionRewoundEvent(proto.EventId, proto.ExecutionRewound.Reason),
            _ => throw new NotSupportedException($"History event {proto.EventTypeCase} is not kept by this backend."),
        };
        e.Timestamp = proto.Timestamp?.ToDateTime() ?? default;
        return e;
    }

    public static P.OrchestrationInstance? ToProto(Core.OrchestrationInstance? instance) =>
        instance is null ? null : new P.OrchestrationInstance { InstanceId = instance.InstanceId ?? string.Empty, ExecutionId = instance.ExecutionId };

    public static Core.OrchestrationInstance? ToCore(P.OrchestrationInstance? instance) =>
        instance is null ? null : new Core.OrchestrationInstance { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId };

    public static P.TaskFailureDetails? ToProto(Core.FailureDetails? failure) =>
        failure is null ? null : new P.TaskFailureDetails
        {
            ErrorType = failure.ErrorType ?? string.Empty,
            ErrorMessage = failure.ErrorMessage ?? string.Empty,
            StackTrace = failure.StackTrace,
            InnerFailure = ToProto(failure.InnerFailure),
            IsNonRetriable = failure.IsNonRetriable,
        };

    public static Core.FailureDetails? ToCore(P.TaskFailureDetails? failure) =>
        failure is null ? null : new Core.FailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, ToCore(failure.InnerFailure), failure.IsNonRetriable);

    public static P.TraceContext? ToProto(DistributedTraceContext? trace) =>
        trace?.TraceParent is { Length: > 0 } parent ? new P.TraceContext { TraceParent = parent, TraceState = trace.TraceState } : null;

    public static DistributedTraceContext? ToCore(P.TraceContext? trace) =>
        trace?.TraceParent is { Length: > 0 } parent ? new DistributedTraceContext(parent, trace.TraceState) : null;

    public static Timestamp Stamp(DateTime at) =>
        Timestamp.FromDateTime(at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public static IDictionary<string, string>? Tags(IDictionary<string, string> tags) =>
        tags.Count == 0 ? null : new Dictionary<string, string>(tags, StringComparer.Ordinal);

    private static void AddTags(Google.Protobuf.Collections.MapField<string, string> target, IDictionary<string, string>? tags)
    {
        if (tags is not null)
        {
            foreach (var (key, value) in tags)
            {
                target[key] = value;
            }
        }
    }

    private static P.TaskFailureDetails Reasoned(string? reason, string? details) =>
        new() { ErrorType = "TaskFailed", ErrorMessage = reason ?? string.Empty, StackTrace = details };

    private static H.ExecutionStartedEvent Started(int eventId, P.ExecutionStartedEvent started) =>
        new(eventId, started.Input)
        {
            Name = started.Name,
            Version = started.Version,
            OrchestrationInstance = ToCore(started.OrchestrationInstance),
            ParentInstance = started.ParentInstance is { } parent ? new Core.ParentInstance
            {
                TaskScheduleId = parent.TaskScheduledId,
                Name = parent.Name,
                Version = parent.Version,
                OrchestrationInstance = ToCore(parent.OrchestrationInstance),
            } : null,
            ScheduledStartTime = started.ScheduledStartTimestamp?.ToDateTime(),
            ParentTraceContext = ToCore(started.ParentTraceContext),
            Tags = Tags(started.Tags),
        };

    private static H.TaskScheduledEvent Scheduled(int eventId, P.TaskScheduledEvent scheduled) =>
        new(eventId, scheduled.Name, scheduled.Version, scheduled.Input)
        {
            ParentTraceContext = ToCore(scheduled.ParentTraceContext),
            Tags = Tags(scheduled.Tags),
        };
}
