using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Azure;

public sealed partial class AzureOrchestrationStore
{
    /// <summary>The current ETag of each activity this process holds; renewing a lease changes it.</summary>
    private readonly ConcurrentDictionary<string, ETag> activityLeases = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityWorkItem>> LockNextActivitiesAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var leased = new List<ActivityWorkItem>();
        foreach (var (instanceId, dueRows) in await ScanDueAsync(AzureKeys.ActivityDue, Now, cancellation).ConfigureAwait(false))
        {
            if (leased.Count >= maxCount)
            {
                break;
            }

            leased.AddRange(await TryLeaseActivitiesAsync(workerId, instanceId, dueRows, maxCount - leased.Count, leaseDuration, cancellation).ConfigureAwait(false));
        }

        return leased;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(
        string workerId, string instanceId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        return await TryLeaseActivitiesAsync(workerId, instanceId, [], maxCount, leaseDuration, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RenewActivityLeasesAsync(
        string workerId, IReadOnlyList<ActivityWorkItem> workItems, TimeSpan leaseDuration, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItems);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var expires = (Now + leaseDuration).UtcTicks;
        foreach (var item in workItems)
        {
            var (partition, rowKey) = ActivityKey(item);
            var row = new TableEntity(partition, rowKey) { ["LockExpires"] = expires };
            try
            {
                var response = await instances.UpdateEntityAsync(row, CurrentETag(workerId, item), TableUpdateMode.Merge, cancellation).ConfigureAwait(false);
                activityLeases[LeaseKey(workerId, item.Id)] = response.Headers.ETag ?? ETag.All;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Taken over or finished: its result will be dropped.
            }
        }
    }

    /// <inheritdoc />
    public async Task CompleteActivitiesAsync(
        string workerId, IReadOnlyList<(ActivityWorkItem WorkItem, HistoryEvent Result)> completions, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var now = Now;
        foreach (var group in completions.GroupBy(c => c.WorkItem.Request.InstanceId, StringComparer.Ordinal))
        {
            var instanceId = group.Key;
            var partition = AzureKeys.Partition(instanceId);
            var pairs = new List<(ActivityWorkItem Item, TableTransactionAction Remove, TableTransactionAction Result)>();
            foreach (var (item, result) in group)
            {
                var message = await rows.MessageAsync(partition, AzureKeys.NewMessage(now), item.Request.ExecutionId, result, now, cancellation).ConfigureAwait(false);
                pairs.Add((item,
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ActivityKey(item).RowKey), CurrentETag(workerId, item)),
                    new TableTransactionAction(TableTransactionActionType.Add, message)));
            }

            await IndexAsync(AzureKeys.OrchestrationDue, now, instanceId, cancellation).ConfigureAwait(false);
            foreach (var chunk in pairs.Chunk(50))
            {
                try
                {
                    await instances.SubmitTransactionAsync(chunk.SelectMany(p => new[] { p.Remove, p.Result }), cancellation).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
                {
                    // A lease was taken over, or renewed meanwhile (a new ETag): commit one by one, so only lost ones are dropped.
                    foreach (var pair in chunk)
                    {
                        if (await OwnedETagAsync(workerId, pair.Item, cancellation).ConfigureAwait(false) is { } etag)
                        {
                            var remove = new TableTransactionAction(TableTransactionActionType.Delete, pair.Remove.Entity, etag);
                            try
                            {
                                await instances.SubmitTransactionAsync([remove, pair.Result], cancellation).ConfigureAwait(false);
                            }
                            catch (TableTransactionFailedException one) when (one.Status is 404 or 412)
                            {
                            }
                        }
                    }
                }

                foreach (var pair in chunk)
                {
                    activityLeases.TryRemove(LeaseKey(workerId, pair.Item.Id), out _);
                }
            }

            await IndexAsync(AzureKeys.OrchestrationDue, now, instanceId, cancellation).ConfigureAwait(false);
            await NotifyAsync(AzureKeys.OrchestrationDue, instanceId, now, cancellation).ConfigureAwait(false);
        }

        Signals.Notify(StoreChanges.OrchestrationWork);
    }

    /// <inheritdoc />
    public async Task AbandonActivityAsync(string workerId, ActivityWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var (partition, rowKey) = ActivityKey(workItem);
        var row = new TableEntity(partition, rowKey) { ["LockOwner"] = null, ["LockExpires"] = 0L };
        try
        {
            await instances.UpdateEntityAsync(row, CurrentETag(workerId, workItem), TableUpdateMode.Merge, cancellation).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return;
        }
        finally
        {
            activityLeases.TryRemove(LeaseKey(workerId, workItem.Id), out _);
        }

        await IndexAsync(AzureKeys.ActivityDue, Now, workItem.Request.InstanceId, cancellation).ConfigureAwait(false);
        Signals.Notify(StoreChanges.ActivityWork);
    }

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> of an instance's due, unleased activities in one batch, then points
    /// the instance's activity due-index row at when the next one can be taken (now, or the earliest lease's end).
    /// </summary>
    private async Task<IReadOnlyList<ActivityWorkItem>> TryLeaseActivitiesAsync(
        string workerId, string instanceId, List<TableEntity> dueRows, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation)
    {
        var partition = AzureKeys.Partition(instanceId);
        var now = Now;
        var all = await ReadRowsAsync(partition, "a", "b", cancellation).ConfigureAwait(false);
        var free = all.Where(a => AzureRows.Time(a, "VisibleAt") <= now && !AzureRows.IsHeld(a, workerId, now)).Take(maxCount).ToList();
        var leaseEnds = now + leaseDuration;
        var leased = new List<ActivityWorkItem>();
        if (free.Count > 0)
        {
            foreach (var row in free)
            {
                row["LockOwner"] = workerId;
                row["LockExpires"] = leaseEnds.UtcTicks;
                row["Attempt"] = (row.GetInt32("Attempt") ?? 0) + 1;
            }

            try
            {
                var response = await instances.SubmitTransactionAsync(
                    free.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, r, r.ETag)), cancellation).ConfigureAwait(false);
                for (var i = 0; i < free.Count; i++)
                {
                    var id = $"{partition}/{free[i].RowKey}";
                    activityLeases[LeaseKey(workerId, id)] = response.Value[i].Headers.ETag ?? ETag.All;
                    leased.Add(new ActivityWorkItem(id, await rows.ReadActivityAsync(free[i], cancellation).ConfigureAwait(false), free[i].GetInt32("Attempt") ?? 1)
                    {
                        LeaseToken = activityLeases[LeaseKey(workerId, id)].ToString(),
                    });
                }
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
            {
                // Another worker leased some of them first; look again next time.
                return [];
            }
        }

        // The next look: when a free one is due, or when the first lease (this worker's or another's) lapses.
        DateTimeOffset? next = free.Count > 0 ? leaseEnds : null;
        var heldBy = free.Count > 0 ? workerId : null;
        foreach (var row in all.Where(a => !free.Contains(a)))
        {
            var held = AzureRows.IsHeld(row, workerId, now);
            var at = held ? AzureRows.Time(row, "LockExpires") ?? now : AzureRows.Time(row, "VisibleAt") ?? now;
            if (next is null || at < next)
            {
                (next, heldBy) = (at, held ? row.GetString("LockOwner") : null);
            }
        }

        if (next is { } due)
        {
            await IndexAsync(AzureKeys.ActivityDue, due, instanceId, cancellation, heldBy).ConfigureAwait(false);
        }

        await UnindexAsync(dueRows, cancellation).ConfigureAwait(false);
        return leased;
    }

    /// <summary>The activity row's current ETag if <paramref name="workerId"/> still holds it; null if it is gone or taken over.</summary>
    private async Task<ETag?> OwnedETagAsync(string workerId, ActivityWorkItem item, CancellationToken cancellation)
    {
        var (partition, rowKey) = ActivityKey(item);
        var row = await instances.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, ["LockOwner"], cancellation).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("LockOwner") == workerId ? row.Value.ETag : null;
    }

    /// <summary>Leases are remembered per worker: two workers may share this store object (tests, several loops).</summary>
    private static string LeaseKey(string workerId, string itemId) => workerId + "\n" + itemId;

    private ETag CurrentETag(string workerId, ActivityWorkItem item) =>
        activityLeases.TryGetValue(LeaseKey(workerId, item.Id), out var etag) ? etag : new ETag(item.LeaseToken ?? "*");

    private static (string Partition, string RowKey) ActivityKey(ActivityWorkItem item)
    {
        var slash = item.Id.LastIndexOf('/');
        return (item.Id[..slash], item.Id[(slash + 1)..]);
    }
}
