using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>
/// Everything one episode changes, committed by the store in one atomic step: the instance's new state,
/// history appended, inbox messages consumed, and work sent out.
/// </summary>
public sealed record OrchestrationCommit
{
    /// <summary>The new status.</summary>
    public required OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>The output as JSON.</summary>
    public string? Output { get; init; }

    /// <summary>The custom status as JSON.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>Events to append to the current execution's history.</summary>
    public IReadOnlyList<HistoryEvent> NewHistory { get; init; } = [];

    /// <summary>Inbox messages this episode consumed.</summary>
    public IReadOnlyList<StoredMessage> ConsumedMessages { get; init; } = [];

    /// <summary>Activities to schedule.</summary>
    public IReadOnlyList<ActivityRequest> Activities { get; init; } = [];

    /// <summary>Messages to send (timers to self, events and results to others).</summary>
    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];

    /// <summary>Sub-orchestrations to start. One whose id an unfinished instance holds fails the parent's task instead.</summary>
    public IReadOnlyList<NewInstance> SubOrchestrations { get; init; } = [];

    /// <summary>
    /// When set, the instance continues as new: history is cleared, this becomes the execution id and
    /// <see cref="Messages"/> carries the new execution's start.
    /// </summary>
    public string? NewExecutionId { get; init; }

    /// <summary>The new execution's input, with <see cref="NewExecutionId"/>.</summary>
    public string? NewInput { get; init; }
}
