namespace Workflows.Durable.History;

/// <summary>An operator suspended the instance.</summary>
public sealed record ExecutionSuspendedEvent(string? Reason) : HistoryEvent;
