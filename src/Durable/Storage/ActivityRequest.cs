namespace Workflows.Durable.Storage;

/// <summary>An activity a commit schedules.</summary>
/// <param name="InstanceId">The scheduling instance.</param>
/// <param name="ExecutionId">The scheduling execution.</param>
/// <param name="TaskId">The scheduling event's id.</param>
/// <param name="Name">The activity's name.</param>
/// <param name="Input">The input as JSON.</param>
public sealed record ActivityRequest(string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);
