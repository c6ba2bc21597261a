namespace Workflows.Durable.History;

/// <summary>A sub-orchestration failed, was terminated or could not be started.</summary>
public sealed record SubOrchestrationFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;
