namespace Workflows.Steps;

/// <summary>What a keyed activity knows of the call it runs for.</summary>
/// <param name="InstanceId">The orchestration that called it (named as the actor in audit trails).</param>
/// <param name="IdempotencyKey">The key its orchestrator gave the call: the same on every delivery of it.</param>
public sealed record ActivityCall(string InstanceId, string IdempotencyKey);
