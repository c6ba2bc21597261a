namespace Workflows.Durable.History;

/// <summary>The orchestrator scheduled an activity.</summary>
public sealed record TaskScheduledEvent(int TaskId, string Name, string? Input) : HistoryEvent;
