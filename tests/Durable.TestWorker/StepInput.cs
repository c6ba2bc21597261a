namespace Workflows.Durable.TestWorker;

/// <summary>A step's count and its key: the orchestrator names each step, since activities have no task id of their own.</summary>
internal sealed record StepInput(int Count, string Key);
