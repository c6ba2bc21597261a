using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>An instance to create: by a client, or by a parent starting a sub-orchestration.</summary>
/// <param name="InstanceId">The id.</param>
/// <param name="Name">The orchestrator's name.</param>
/// <param name="Input">The input as JSON.</param>
/// <param name="StartAt">When its first episode may run.</param>
public sealed record NewInstance(string InstanceId, string Name, string? Input, DateTimeOffset StartAt)
{
    /// <summary>The parent, for a sub-orchestration.</summary>
    public ParentInstance? Parent { get; init; }

    /// <summary>The id of the execution to create.</summary>
    public string ExecutionId { get; init; } = Guid.NewGuid().ToString("N");
}
