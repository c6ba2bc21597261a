namespace Workflows.Durable;

/// <summary>Which finished instances <see cref="DurableTaskClient.PurgeAllInstancesAsync"/> removes.</summary>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedTo">Only instances created at or before this time.</param>
/// <param name="Statuses">Only these statuses; all finished ones when null. Unfinished instances are never purged.</param>
public record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null);
