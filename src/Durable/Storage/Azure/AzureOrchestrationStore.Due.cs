using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Azure;

public sealed partial class AzureOrchestrationStore
{
    /// <summary>A queue hides a message for at most seven days.</summary>
    private static readonly TimeSpan MaxNoticeDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetNextWakeUpAsync(string workerId, DateTimeOffset after, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        DateTimeOffset? next = null;
        foreach (var kind in new[] { AzureKeys.OrchestrationDue, AzureKeys.ActivityDue })
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey gt {AzureKeys.DueBound(after)}");
            var looked = 0;
            await foreach (var row in work.QueryAsync<TableEntity>(filter, maxPerPage: 20, select: ["RowKey", "HeldBy"], cancellationToken: cancellation).ConfigureAwait(false))
            {
                // This worker's own leases end when its work finishes; they are no reason to wake it.
                if (row.GetString("HeldBy") != workerId || ++looked >= 20)
                {
                    var at = DueTime(row.RowKey);
                    next = next is null || at < next ? at : next;
                    break;
                }
            }
        }

        return next;
    }

    /// <inheritdoc />
    public async Task<bool> HasDueWorkAsync(CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var bound = AzureKeys.DueBound(Now);
        var filter = TableClient.CreateQueryFilter($"RowKey le {bound}");
        await foreach (var _ in work.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellation).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public async Task DeferAsync(WorkNotice notice, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        await SendNoticeAsync(notice, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetAsideAsync(string message, string reason, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(new { message, reason, at = Now });
        await poison.SendMessageAsync(body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellation).ConfigureAwait(false);
    }

    /// <summary>Says "look at <paramref name="instanceId"/> at <paramref name="at"/>"; written before the work it points at.</summary>
    /// <param name="kind">Orchestration or activity work.</param>
    /// <param name="at">When to look.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellation">Cancels the write.</param>
    /// <param name="heldBy">The worker whose lease ends at <paramref name="at"/>; it is not woken by its own lease.</param>
    private async Task<ETag> IndexAsync(string kind, DateTimeOffset at, string instanceId, CancellationToken cancellation, string? heldBy = null)
    {
        var row = new TableEntity(kind, AzureKeys.Due(at, instanceId)) { ["InstanceId"] = instanceId, ["HeldBy"] = heldBy };
        var response = await work.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellation).ConfigureAwait(false);
        return response.Headers.ETag ?? ETag.All;
    }

    /// <summary>Removes due-index rows that have been dealt with; a row rewritten meanwhile (other ETag) stays.</summary>
    private async Task UnindexAsync(IEnumerable<TableEntity> dueRows, CancellationToken cancellation)
    {
        var removed = false;
        foreach (var row in dueRows)
        {
            try
            {
                await work.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellation).ConfigureAwait(false);
                removed = true;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
            }
        }

        if (removed)
        {
            // Whoever waits for "nothing due" (idle detection) looks again: a row that led nowhere is gone.
            Signals.Notify(StoreChanges.Instances);
        }
    }

    /// <summary>Due-index rows of one kind due by now, grouped by instance, earliest first.</summary>
    private async Task<List<(string InstanceId, List<TableEntity> Rows)>> ScanDueAsync(string kind, DateTimeOffset now, CancellationToken cancellation)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey le {AzureKeys.DueBound(now)}");
        var found = new List<(string, List<TableEntity>)>();
        var byInstance = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var seen = 0;
        await foreach (var row in work.QueryAsync<TableEntity>(filter, maxPerPage: 200, cancellationToken: cancellation).ConfigureAwait(false))
        {
            var instanceId = row.GetString("InstanceId");
            if (!byInstance.TryGetValue(instanceId, out var list))
            {
                byInstance[instanceId] = list = [];
                found.Add((instanceId, list));
            }

            list.Add(row);
            if (++seen == 200)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// Puts a message in an instance's inbox. The row key is fixed by the sender, so a second delivery of the same
    /// message (an outbox after a crash) writes the same row.
    /// </summary>
    /// <remarks>
    /// Every write of work is wrapped in two due-index writes: the one before covers a crash before the work is
    /// written; the one after covers a worker that read the first index row before the work was visible and
    /// removed it.
    /// </remarks>
    private async Task DeliverMessageAsync(
        string instanceId, string rowKey, string? executionId, HistoryEvent message, DateTimeOffset visibleAt, CancellationToken cancellation)
    {
        var partition = AzureKeys.Partition(instanceId);
        var row = await rows.MessageAsync(partition, rowKey, executionId, message, visibleAt, cancellation).ConfigureAwait(false);
        await IndexAsync(AzureKeys.OrchestrationDue, visibleAt, instanceId, cancellation).ConfigureAwait(false);
        await instances.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellation).ConfigureAwait(false);
        await IndexAsync(AzureKeys.OrchestrationDue, visibleAt, instanceId, cancellation).ConfigureAwait(false);
        await NotifyAsync(AzureKeys.OrchestrationDue, instanceId, visibleAt, cancellation).ConfigureAwait(false);
    }

    /// <summary>Puts a wake-up notice on the work queue for a queue trigger, when notices are on.</summary>
    private async Task NotifyAsync(string kind, string instanceId, DateTimeOffset dueAt, CancellationToken cancellation)
    {
        if (options.SendWorkNotices)
        {
            var notice = new WorkNotice(kind == AzureKeys.ActivityDue ? WorkNoticeKind.Activity : WorkNoticeKind.Orchestration, instanceId, dueAt);
            await SendNoticeAsync(notice, cancellation).ConfigureAwait(false);
        }
    }

    private async Task SendNoticeAsync(WorkNotice notice, CancellationToken cancellation)
    {
        var delay = notice.DueAt - Now;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxNoticeDelay ? MaxNoticeDelay : delay;
        // Notices are hints: one nobody takes within a day of its due time expires rather than piling up.
        await notices.SendMessageAsync(notice.ToJson(), delay, delay + TimeSpan.FromDays(1), cancellation).ConfigureAwait(false);
    }

    private static DateTimeOffset DueTime(string rowKey) =>
        new(long.Parse(rowKey.AsSpan(0, 19), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
}
