namespace Workflows.Durable;

/// <summary>How a failed task is retried.</summary>
public sealed class TaskRetryOptions
{
    /// <summary>Retries by a declarative policy.</summary>
    public TaskRetryOptions(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>The retry policy.</summary>
    public RetryPolicy Policy { get; }

    /// <summary>Converts a policy to retry options.</summary>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);

    /// <summary>Retries by a declarative policy.</summary>
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
