namespace Workflows.Durable.History;

/// <summary>The execution finished: completed, failed or continued as new.</summary>
public sealed record ExecutionCompletedEvent(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? FailureDetails) : HistoryEvent;
