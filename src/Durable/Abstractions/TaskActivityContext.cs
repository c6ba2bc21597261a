namespace Workflows.Durable;

/// <summary>What an activity knows about the call that started it.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity's name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The id of the orchestration instance that scheduled the activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>
    /// The execution of the instance that scheduled the activity: new after continue-as-new and when an instance id
    /// is used again after a purge, where task ids start from 0 again. Not part of Microsoft.DurableTask's API.
    /// </summary>
    public abstract string ExecutionId { get; }

    /// <summary>
    /// The id of the scheduling event in the orchestration's history. It is the same each time one scheduled
    /// task is delivered (for example again after a crash), so with <see cref="InstanceId"/> it is the
    /// idempotency key side effects use. Not part of Microsoft.DurableTask's API.
    /// </summary>
    public abstract int TaskId { get; }

    /// <summary>
    /// <see cref="InstanceId"/>, <see cref="ExecutionId"/> and <see cref="TaskId"/> joined: stable across redelivery
    /// of one scheduled task, and different for the same task id in a later execution.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId}:{ExecutionId}:{TaskId}";
}
