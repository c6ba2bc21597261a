using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>What a parent receives when the id it chose for a sub-orchestration is held by an unfinished instance.</summary>
internal static class SubOrchestrationIdTaken
{
    public static SubOrchestrationFailedEvent Failure(NewInstance child, OrchestrationRuntimeStatus holderStatus, DateTime timestamp)
    {
        var failure = new TaskFailureDetails(
            typeof(OrchestrationAlreadyExistsException).FullName!,
            new OrchestrationAlreadyExistsException(child.InstanceId, holderStatus).Message,
            null,
            null);
        return new SubOrchestrationFailedEvent(child.Parent!.TaskId, failure) { Timestamp = timestamp };
    }
}
