using Workflows.Durable.History;

namespace Workflows.Durable.Replay;

/// <summary>What one episode of an orchestration produced, for the worker to commit.</summary>
internal sealed record EpisodeResult
{
    /// <summary>Events to append to history, starting with the episode's <see cref="OrchestratorStartedEvent"/>.</summary>
    public required IReadOnlyList<HistoryEvent> NewHistory { get; init; }

    /// <summary>The scheduling events among <see cref="NewHistory"/>: work to send out.</summary>
    public required IReadOnlyList<HistoryEvent> Actions { get; init; }

    /// <summary>Running, Completed, Failed or ContinuedAsNew.</summary>
    public required OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>The output as JSON, when completed.</summary>
    public string? Output { get; init; }

    /// <summary>Why it failed, when failed.</summary>
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>The custom status as JSON.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>The next execution's input, when continued as new.</summary>
    public string? ContinueAsNewInput { get; init; }

    /// <summary>Events carried into the next execution, when continued as new.</summary>
    public IReadOnlyList<EventRaisedEvent> CarriedEvents { get; init; } = [];
}
