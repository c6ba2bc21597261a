namespace Workflows.Durable;

/// <summary>Thrown when an operation names an instance id that does not exist.</summary>
public sealed class OrchestrationNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationNotFoundException(string instanceId)
        : base($"No orchestration instance with id '{instanceId}' exists.") => InstanceId = instanceId;

    /// <summary>The missing id.</summary>
    public string InstanceId { get; }
}
