namespace Workflows.Durable.History;

/// <summary>An episode began; its timestamp is the orchestrator's <c>CurrentUtcDateTime</c>.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent;
