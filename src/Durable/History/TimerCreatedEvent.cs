namespace Workflows.Durable.History;

/// <summary>The orchestrator created a durable timer.</summary>
public sealed record TimerCreatedEvent(int TaskId, DateTime FireAt) : HistoryEvent;
