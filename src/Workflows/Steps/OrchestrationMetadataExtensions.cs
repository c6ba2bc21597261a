using Microsoft.DurableTask.Client;

namespace Workflows.Steps;

/// <summary>How the network reads an instance's state.</summary>
public static class OrchestrationMetadataExtensions
{
    /// <summary>
    /// Whether the instance is still under way: running, or paused by an operator (it resumes where it stood). The SDK's
    /// <see cref="OrchestrationMetadata.IsRunning"/> is false while paused, but a paused process is not over.
    /// </summary>
    public static bool IsUnderway(this OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;
    }
}
