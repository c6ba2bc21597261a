namespace Workflows.Durable.History;

/// <summary>An operator terminated the instance; the output it gave is recorded.</summary>
public sealed record ExecutionTerminatedEvent(string? Output) : HistoryEvent;
