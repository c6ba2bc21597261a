namespace Workflows.Durable.History;

/// <summary>The orchestrator sent an event to another instance.</summary>
public sealed record EventSentEvent(int TaskId, string TargetInstanceId, string Name, string? Input) : HistoryEvent;
