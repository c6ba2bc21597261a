namespace Workflows.Durable.Storage;

/// <summary>A commit lost its optimistic-concurrency check: another worker changed the instance or took its lease.</summary>
public sealed class StoreConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public StoreConflictException(string instanceId)
        : base($"Instance '{instanceId}' was changed by another worker; this episode's work is discarded.") => InstanceId = instanceId;

    /// <summary>The instance.</summary>
    public string InstanceId { get; }
}
