namespace Workflows.Durable;

/// <summary>Thrown when an instance id is given that an unfinished instance already uses.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
        : base($"An orchestration with instance id '{instanceId}' already exists and is {status}; an id can be reused only after the instance has finished.")
    {
        InstanceId = instanceId;
        Status = status;
    }

    /// <summary>The id that is taken.</summary>
    public string InstanceId { get; }

    /// <summary>The status of the instance that holds it.</summary>
    public OrchestrationRuntimeStatus Status { get; }
}
