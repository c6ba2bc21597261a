namespace Workflows.Durable.History;

/// <summary>An activity threw.</summary>
public sealed record TaskFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;
