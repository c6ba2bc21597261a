using Azure;
using Azure.Data.Tables;

namespace Workflows.Durable.Storage.Azure;

/// <summary>What an orchestration lease needs at commit: the state row's ETag and the due-index row at the lease's end.</summary>
internal sealed record AzureLease(ETag StateETag, string DueRowKey, ETag DueRowETag)
{
    public override string ToString() => $"{StateETag}\n{DueRowKey}\n{DueRowETag}";

    public static AzureLease Parse(string? token)
    {
        var parts = token?.Split('\n');
        return parts is { Length: 3 }
            ? new AzureLease(new ETag(parts[0]), parts[1], new ETag(parts[2]))
            : throw new ArgumentException("The work item was not leased from this store.", nameof(token));
    }

    public TableEntity DueRow(string instanceId) =>
        new(AzureKeys.OrchestrationDue, DueRowKey) { ETag = DueRowETag, ["InstanceId"] = instanceId };
}
