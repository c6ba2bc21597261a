namespace Workflows.Durable.History;

/// <summary>A sub-orchestration completed.</summary>
public sealed record SubOrchestrationCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent;
