namespace Workflows.Durable.History;

/// <summary>An execution began: the orchestrator's name and input, and its parent when it is a sub-orchestration.</summary>
public sealed record ExecutionStartedEvent(string Name, string? Input) : HistoryEvent
{
    /// <summary>The parent instance, for a sub-orchestration.</summary>
    public ParentInstance? Parent { get; init; }

    /// <summary>Events the previous execution received but did not wait for, carried over by continue-as-new, oldest first.</summary>
    public IReadOnlyList<EventRaisedEvent>? CarriedEvents { get; init; }
}

/// <summary>The orchestration that started a sub-orchestration, and the task in it that waits.</summary>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskId);
