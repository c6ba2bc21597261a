namespace Workflows.Durable;

/// <summary>A filter for <see cref="DurableTaskClient.GetAllInstancesAsync"/>.</summary>
public record OrchestrationQuery
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only instances created at or before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only instances in these statuses; all when null or empty.</summary>
    public IEnumerable<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only instances whose id starts with this (ordinal).</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>How many instances a page holds.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Whether inputs, outputs and custom status are read too.</summary>
    public bool FetchInputsAndOutputs { get; init; }

    /// <summary>Where to continue from: the token of the previous page.</summary>
    public string? ContinuationToken { get; init; }
}
