namespace Workflows.Durable.History;

/// <summary>An operator resumed the instance.</summary>
public sealed record ExecutionResumedEvent(string? Reason) : HistoryEvent;
