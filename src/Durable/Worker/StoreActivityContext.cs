namespace Workflows.Durable.Worker;

/// <summary>The context handed to an activity that a store delivered.</summary>
internal sealed class StoreActivityContext(TaskName name, string instanceId, string executionId, int taskId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public override string ExecutionId { get; } = executionId;

    public override int TaskId { get; } = taskId;
}
