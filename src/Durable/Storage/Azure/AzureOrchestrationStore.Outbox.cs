using Azure;
using Azure.Data.Tables;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Azure;

public sealed partial class AzureOrchestrationStore
{
    private const string OutboxKind = "Kind";
    private const string OutboxTarget = "Target";
    private const string OutboxTargetRow = "TargetRow";
    private const string OutboxEpisode = "Episode";

    /// <summary>An outbox row for a message to another instance; its inbox key is fixed now, so delivering twice writes one row.</summary>
    private async Task<TableEntity> OutboxMessageAsync(string partition, string episode, int n, OutgoingMessage message, DateTimeOffset now, CancellationToken cancellation)
    {
        var row = await rows.MessageAsync(partition, AzureKeys.Outbox(episode, n), message.ExecutionId, message.Event, message.VisibleAt, cancellation).ConfigureAwait(false);
        row[OutboxKind] = "message";
        row[OutboxTarget] = message.InstanceId;
        row[OutboxTargetRow] = AzureKeys.NewMessage(now);
        row[OutboxEpisode] = episode;
        return row;
    }

    /// <summary>Wraps a row of this instance's own partition (an activity, a timer) as an outbox row.</summary>
    private static TableEntity AsOutbox(TableEntity local, string episode, int n)
    {
        var row = new TableEntity(local) { PartitionKey = local.PartitionKey, RowKey = AzureKeys.Outbox(episode, n) };
        row[OutboxKind] = "local";
        row[OutboxTargetRow] = local.RowKey;
        row[OutboxEpisode] = episode;
        return row;
    }

    /// <summary>Delivers committed outbox rows in order, then deletes them. Each delivery is safe to repeat.</summary>
    private async Task DeliverOutboxAsync(string instanceId, List<TableEntity> outbox, CancellationToken cancellation)
    {
        var now = Now;
        var activities = false;
        foreach (var row in outbox.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            switch (row.GetString(OutboxKind))
            {
                case "local":
                    activities |= await DeliverLocalAsync(instanceId, row, cancellation).ConfigureAwait(false);
                    break;
                case "message":
                    var target = row.GetString(OutboxTarget);
                    if (await ReadStateAsync(AzureKeys.Partition(target), cancellation).ConfigureAwait(false) is not null)
                    {
                        var message = await rows.ReadEventAsync(row, cancellation).ConfigureAwait(false);
                        await DeliverMessageAsync(target, row.GetString(OutboxTargetRow), row.GetString("ExecutionId"), message,
                            AzureRows.Time(row, "VisibleAt") ?? now, cancellation).ConfigureAwait(false);
                    }

                    break;
                case "child":
                    await StartChildAsync(row, now, cancellation).ConfigureAwait(false);
                    break;
            }
        }

        if (activities)
        {
            await NotifyAsync(AzureKeys.ActivityDue, instanceId, now, cancellation).ConfigureAwait(false);
        }

        await DeleteOutboxAsync(AzureKeys.Partition(instanceId), outbox, cancellation).ConfigureAwait(false);
        Signals.Notify(StoreChanges.OrchestrationWork | StoreChanges.Instances | (activities ? StoreChanges.ActivityWork : StoreChanges.None));
    }

    /// <summary>Writes an activity or timer of a large episode into the partition; true for an activity.</summary>
    private async Task<bool> DeliverLocalAsync(string instanceId, TableEntity row, CancellationToken cancellation)
    {
        var local = new TableEntity(row) { PartitionKey = row.PartitionKey, RowKey = row.GetString(OutboxTargetRow) };
        local.Remove(OutboxKind);
        local.Remove(OutboxTargetRow);
        local.Remove(OutboxEpisode);
        var isActivity = local.RowKey.StartsWith('a');
        var kind = isActivity ? AzureKeys.ActivityDue : AzureKeys.OrchestrationDue;
        var at = isActivity ? Now : AzureRows.Time(local, "VisibleAt") ?? Now;
        await IndexAsync(kind, at, instanceId, cancellation).ConfigureAwait(false);
        try
        {
            // Add, not upsert: an activity delivered before may be running under a lease that must stay.
            await instances.AddEntityAsync(local, cancellation).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        await IndexAsync(kind, at, instanceId, cancellation).ConfigureAwait(false);

        return isActivity;
    }

    /// <summary>Starts a sub-orchestration; if an unfinished instance holds its id, the parent's task fails instead.</summary>
    private async Task StartChildAsync(TableEntity row, DateTimeOffset now, CancellationToken cancellation)
    {
        var child = EventSerializer.DeserializeRecord<NewInstance>(await rows.Payloads.GetAsync(row, "Child", cancellation).ConfigureAwait(false))
            ?? throw new InvalidDataException($"Outbox row {row.RowKey} has no sub-orchestration.");
        if (await CreateOrResetAsync(child, cancellation).ConfigureAwait(false) is { } status)
        {
            var parent = child.Parent!;
            await DeliverMessageAsync(parent.InstanceId, AzureKeys.NewMessage(now), parent.ExecutionId,
                SubOrchestrationIdTaken.Failure(child, status, now.UtcDateTime), now, cancellation).ConfigureAwait(false);
        }
    }

    private async Task DeleteOutboxAsync(string partition, IEnumerable<TableEntity> outbox, CancellationToken cancellation)
    {
        foreach (var row in outbox)
        {
            await instances.DeleteEntityAsync(partition, row.RowKey, ETag.All, cancellation).ConfigureAwait(false);
        }
    }
}
