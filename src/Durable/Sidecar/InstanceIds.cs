using Grpc.Core;

namespace Workflows.Durable.Sidecar;

/// <summary>
/// What an instance id may be on every store: 1 to 256 characters without control characters or <c>/ \ # ?</c>
/// (the Azure Table key rules DurableTask.AzureStorage lives by, and Durable Functions' limit), so an id accepted on
/// SQLite is never refused after a move to Azure.
/// </summary>
internal static class InstanceIds
{
    public const int MaxLength = 256;

    public static string Checked(string instanceId)
    {
        if (instanceId.Length > MaxLength || instanceId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"An instance id must be 1 to {MaxLength} characters without control characters or / \\ # ?."));
        }

        return instanceId;
    }
}
