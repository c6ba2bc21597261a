namespace Workflows.Durable;

/// <summary>Options for scheduling an activity or sub-orchestration.</summary>
public record TaskOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="retry">How to retry a failed task; null for no retries.</param>
    public TaskOptions(TaskRetryOptions? retry = null) => Retry = retry;

    /// <summary>How to retry a failed task; null for no retries.</summary>
    public TaskRetryOptions? Retry { get; init; }

    /// <summary>Options that retry by <paramref name="policy"/>.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    /// <summary>Sub-orchestration options with the given instance id.</summary>
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}
