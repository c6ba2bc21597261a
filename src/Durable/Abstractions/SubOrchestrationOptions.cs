namespace Workflows.Durable;

/// <summary>Options for starting a sub-orchestration, including its instance id.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="retry">How to retry a failed sub-orchestration.</param>
    /// <param name="instanceId">The child's instance id; a deterministic id is made when null.</param>
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry) => InstanceId = instanceId;

    /// <summary>Copies <paramref name="options"/> and sets the instance id.</summary>
    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options) => InstanceId = instanceId;

    /// <summary>The child's instance id; a deterministic id is made when null.</summary>
    public string? InstanceId { get; init; }
}
