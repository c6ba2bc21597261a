namespace Workflows.Durable;

/// <summary>What an activity knows about the call that started it.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity's name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The id of the orchestration instance that scheduled the activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>
    /// The id of the scheduling event in the orchestration's history. It is the same each time one scheduled
    /// task is delivered (for example again after a crash), so with <see cref="InstanceId"/> it is the
    /// idempotency key side effects use. Not part of Microsoft.DurableTask's API.
    /// </summary>
    public abstract int TaskId { get; }

    /// <summary><see cref="InstanceId"/> and <see cref="TaskId"/> joined: a key that is stable across redelivery.</summary>
    public string IdempotencyKey => $"{InstanceId}:{TaskId}";
}
