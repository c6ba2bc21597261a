namespace Workflows.Durable.History;

/// <summary>The orchestrator started a sub-orchestration.</summary>
public sealed record SubOrchestrationCreatedEvent(int TaskId, string Name, string InstanceId, string? Input) : HistoryEvent;
