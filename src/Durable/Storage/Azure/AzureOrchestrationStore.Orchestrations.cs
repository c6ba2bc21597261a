using Azure;
using Azure.Data.Tables;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Azure;

public sealed partial class AzureOrchestrationStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockNextOrchestrationsAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var leased = new List<OrchestrationWorkItem>();
        foreach (var (instanceId, dueRows) in await ScanDueAsync(AzureKeys.OrchestrationDue, Now, cancellation).ConfigureAwait(false))
        {
            if (leased.Count >= maxCount)
            {
                break;
            }

            if (await TryLeaseOrchestrationAsync(workerId, instanceId, dueRows, leaseDuration, cancellation).ConfigureAwait(false) is { } item)
            {
                leased.Add(item);
            }
        }

        return leased;
    }

    /// <inheritdoc />
    public async Task<OrchestrationWorkItem?> LockOrchestrationAsync(string workerId, string instanceId, TimeSpan leaseDuration, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        return await TryLeaseOrchestrationAsync(workerId, instanceId, [], leaseDuration, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var partition = AzureKeys.Partition(instanceId);
        var state = await ReadStateAsync(partition, cancellation).ConfigureAwait(false);
        var length = state?.GetInt32("HistoryLength") ?? 0;
        if (length == 0)
        {
            return [];
        }

        var events = new List<HistoryEvent>(length);
        foreach (var row in await ReadRowsAsync(partition, AzureKeys.History(0), AzureKeys.History(length), cancellation).ConfigureAwait(false))
        {
            events.Add(await rows.ReadEventAsync(row, cancellation).ConfigureAwait(false));
        }

        return events.Count == length
            ? events
            : throw new InvalidDataException($"Instance '{instanceId}' should have {length} history events but has {events.Count}.");
    }

    /// <inheritdoc />
    public async Task CompleteOrchestrationAsync(
        string workerId, OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var instanceId = workItem.Instance.InstanceId;
        var partition = AzureKeys.Partition(instanceId);
        var lease = AzureLease.Parse(workItem.LeaseToken);
        var now = Now;
        var state = await ReadStateAsync(partition, cancellation).ConfigureAwait(false);
        if (state is null || state.ETag != lease.StateETag || state.GetString("LockOwner") != workerId
            || state.GetInt64("Version") != workItem.Instance.Version)
        {
            throw new StoreConflictException(instanceId);
        }

        // History first: it becomes visible only when the state row's length covers it.
        var continuesAsNew = commit.NewExecutionId is not null;
        var executionId = commit.NewExecutionId ?? workItem.Instance.ExecutionId;
        if (!continuesAsNew && commit.NewHistory.Count > 0)
        {
            var history = new List<TableTransactionAction>();
            for (var i = 0; i < commit.NewHistory.Count; i++)
            {
                var row = await rows.HistoryAsync(partition, workItem.HistoryLength + i, commit.NewHistory[i], cancellation).ConfigureAwait(false);
                history.Add(new(TableTransactionActionType.UpsertReplace, row));
            }

            await WriteInBatchesAsync(history, cancellation).ConfigureAwait(false);
        }

        var episode = Guid.NewGuid().ToString("N");
        var local = new List<TableEntity>();
        var outbox = new List<TableEntity>();
        foreach (var activity in commit.Activities)
        {
            local.Add(await rows.ActivityAsync(partition, activity, now, cancellation).ConfigureAwait(false));
        }

        foreach (var message in commit.Messages)
        {
            if (message.InstanceId == instanceId)
            {
                local.Add(await rows.MessageAsync(partition, AzureKeys.NewMessage(now), message.ExecutionId, message.Event, message.VisibleAt, cancellation).ConfigureAwait(false));
            }
            else
            {
                outbox.Add(await OutboxMessageAsync(partition, episode, outbox.Count, message, now, cancellation).ConfigureAwait(false));
            }
        }

        foreach (var child in commit.SubOrchestrations)
        {
            var row = new TableEntity(partition, AzureKeys.Outbox(episode, outbox.Count)) { ["Kind"] = "child", ["Episode"] = episode };
            await rows.Payloads.SetAsync(row, "Child", EventSerializer.SerializeRecord(child), cancellation).ConfigureAwait(false);
            outbox.Add(row);
        }

        var deletes = commit.ConsumedMessages.Select(m => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, m.Id), ETag.All)).ToList();
        var inOneBatch = 1 + deletes.Count + local.Count + outbox.Count <= 100
            && local.Concat(outbox).Sum(AzurePayloads.EstimateBytes) + AzurePayloads.EstimateBytes(state) < BatchBytes;
        if (!inOneBatch)
        {
            // Too much for one batch: everything goes out through the outbox, written before the commit and valid
            // only if the commit names this episode.
            outbox = [.. outbox, .. local.Select((row, n) => AsOutbox(row, episode, outbox.Count + n))];
            local = [];
            await WriteInBatchesAsync(outbox.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellation).ConfigureAwait(false);
        }

        state["Status"] = (int)commit.Status;
        await rows.Payloads.SetAsync(state, "Output", commit.Output, cancellation).ConfigureAwait(false);
        await rows.Payloads.SetAsync(state, "CustomStatus", commit.CustomStatus, cancellation).ConfigureAwait(false);
        await rows.Payloads.SetAsync(state, "Failure", EventSerializer.SerializeRecord(commit.Failure), cancellation).ConfigureAwait(false);
        if (continuesAsNew)
        {
            state["ExecutionId"] = executionId;
            await rows.Payloads.SetAsync(state, "Input", commit.NewInput, cancellation).ConfigureAwait(false);
        }

        state["LastUpdatedAt"] = now.UtcTicks;
        state["Version"] = workItem.Instance.Version + 1;
        state["HistoryLength"] = continuesAsNew ? 0 : workItem.HistoryLength + commit.NewHistory.Count;
        state["Attempts"] = 0;
        state["Episode"] = episode;
        if (outbox.Count == 0)
        {
            // With an outbox the lease is kept until it is delivered, so no one else delivers it at the same time.
            state.Remove("LockOwner");
            state.Remove("LockExpires");
        }

        // Activities in the batch itself; an outbox delivers (and indexes) its own.
        var schedulesActivities = local.Any(r => r.RowKey.StartsWith('a'));
        if (schedulesActivities)
        {
            await IndexAsync(AzureKeys.ActivityDue, now, instanceId, cancellation).ConfigureAwait(false);
        }

        var batch = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, state, lease.StateETag) };
        batch.AddRange(deletes);
        batch.AddRange(local.Concat(inOneBatch ? outbox : []).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        try
        {
            var response = await instances.SubmitTransactionAsync(batch, cancellation).ConfigureAwait(false);
            state.ETag = response.Value[0].Headers.ETag ?? ETag.All;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new StoreConflictException(instanceId);
        }

        if (outbox.Count > 0)
        {
            await DeliverOutboxAsync(instanceId, outbox, cancellation).ConfigureAwait(false);
            await ReleaseAsync(state, cancellation).ConfigureAwait(false);
        }

        if (schedulesActivities)
        {
            await IndexAsync(AzureKeys.ActivityDue, now, instanceId, cancellation).ConfigureAwait(false);
            await NotifyAsync(AzureKeys.ActivityDue, instanceId, now, cancellation).ConfigureAwait(false);
        }

        await ReindexOrchestrationAsync(instanceId, commit.Status, lease.DueRow(instanceId), cancellation).ConfigureAwait(false);
        Signals.Notify(StoreChanges.OrchestrationWork | StoreChanges.Instances | (commit.Activities.Count > 0 ? StoreChanges.ActivityWork : StoreChanges.None));
    }

    /// <inheritdoc />
    public async Task AbandonOrchestrationAsync(string workerId, OrchestrationWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var lease = AzureLease.Parse(workItem.LeaseToken);
        var state = await ReadStateAsync(AzureKeys.Partition(workItem.Instance.InstanceId), cancellation).ConfigureAwait(false);
        if (state is null || state.ETag != lease.StateETag)
        {
            return;
        }

        await ReleaseAsync(state, cancellation).ConfigureAwait(false);
        await IndexAsync(AzureKeys.OrchestrationDue, Now, workItem.Instance.InstanceId, cancellation).ConfigureAwait(false);
        await UnindexAsync([lease.DueRow(workItem.Instance.InstanceId)], cancellation).ConfigureAwait(false);
        Signals.Notify(StoreChanges.OrchestrationWork);
    }

    /// <summary>
    /// Leases <paramref name="instanceId"/> when it has deliverable messages (or an undelivered outbox, which is
    /// delivered first). The due index then points at the lease's end, so a crashed worker's instance is looked at
    /// again when its lease lapses.
    /// </summary>
    private async Task<OrchestrationWorkItem?> TryLeaseOrchestrationAsync(
        string workerId, string instanceId, List<TableEntity> dueRows, TimeSpan leaseDuration, CancellationToken cancellation)
    {
        var partition = AzureKeys.Partition(instanceId);
        var now = Now;
        var found = await ReadRowsAsync(partition, "m", "t", cancellation).ConfigureAwait(false);
        var state = found.Find(r => r.RowKey == AzureKeys.State);
        if (state is null)
        {
            await UnindexAsync(dueRows, cancellation).ConfigureAwait(false);
            return null;
        }

        if (AzureRows.IsHeld(state, workerId, now))
        {
            return null;
        }

        var status = (OrchestrationRuntimeStatus)(state.GetInt32("Status") ?? 0);
        var inbox = found.Where(r => r.RowKey.StartsWith('m')).ToList();
        var outbox = found.Where(r => r.RowKey.StartsWith('o')).ToList();
        var due = inbox.Where(m => AzureRows.Time(m, "VisibleAt") <= now).ToList();
        if (outbox.Count == 0 && !due.Any(m => Deliverable(m, status)))
        {
            await ReindexOrchestrationAsync(instanceId, status, inbox, dueRows, cancellation).ConfigureAwait(false);
            return null;
        }

        var leaseEnds = now + leaseDuration;
        state["LockOwner"] = workerId;
        state["LockExpires"] = leaseEnds.UtcTicks;
        state["Attempts"] = (state.GetInt32("Attempts") ?? 0) + 1;
        try
        {
            var response = await instances.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Replace, cancellation).ConfigureAwait(false);
            state.ETag = response.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }

        var leaseRowETag = await IndexAsync(AzureKeys.OrchestrationDue, leaseEnds, instanceId, cancellation, heldBy: workerId).ConfigureAwait(false);
        await UnindexAsync(dueRows, cancellation).ConfigureAwait(false);
        var lease = new AzureLease(state.ETag, AzureKeys.Due(leaseEnds, instanceId), leaseRowETag);

        if (outbox.Count > 0)
        {
            // A worker committed and stopped before delivering. Rows of an episode that never committed are dropped.
            var episode = state.GetString("Episode");
            await DeliverOutboxAsync(instanceId, outbox.Where(r => r.GetString("Episode") == episode).ToList(), cancellation).ConfigureAwait(false);
            await DeleteOutboxAsync(partition, outbox.Where(r => r.GetString("Episode") != episode), cancellation).ConfigureAwait(false);
        }

        if (!due.Any(m => Deliverable(m, status)))
        {
            await ReleaseAsync(state, cancellation).ConfigureAwait(false);
            await ReindexOrchestrationAsync(instanceId, status, lease.DueRow(instanceId), cancellation).ConfigureAwait(false);
            return null;
        }

        var messages = new List<StoredMessage>();
        foreach (var row in due.Take(options.MaxMessagesPerEpisode))
        {
            messages.Add(await rows.ReadMessageAsync(row, cancellation).ConfigureAwait(false));
        }

        var record = await rows.ReadInstanceAsync(state, instanceId, withInput: false, cancellation).ConfigureAwait(false);
        return new OrchestrationWorkItem(record, messages, state.GetInt32("HistoryLength") ?? 0)
        {
            LeaseToken = lease.ToString(),
            Attempt = state.GetInt32("Attempts") ?? 1,
        };
    }

    private static bool Deliverable(TableEntity message, OrchestrationRuntimeStatus status) =>
        status != OrchestrationRuntimeStatus.Suspended || message.GetBoolean("IsControl") == true;

    /// <summary>Points the due index at the instance's next deliverable message, then drops the rows dealt with.</summary>
    private async Task ReindexOrchestrationAsync(string instanceId, OrchestrationRuntimeStatus status, TableEntity handled, CancellationToken cancellation)
    {
        var inbox = await ReadRowsAsync(AzureKeys.Partition(instanceId), "m", "n", cancellation).ConfigureAwait(false);
        await ReindexOrchestrationAsync(instanceId, status, inbox, [handled], cancellation).ConfigureAwait(false);
    }

    private async Task ReindexOrchestrationAsync(
        string instanceId, OrchestrationRuntimeStatus status, List<TableEntity> inbox, List<TableEntity> handled, CancellationToken cancellation)
    {
        var next = inbox.Where(m => Deliverable(m, status)).Select(m => AzureRows.Time(m, "VisibleAt")).Min();
        if (next is { } at)
        {
            await IndexAsync(AzureKeys.OrchestrationDue, at, instanceId, cancellation).ConfigureAwait(false);
            if (at <= Now)
            {
                await NotifyAsync(AzureKeys.OrchestrationDue, instanceId, at, cancellation).ConfigureAwait(false);
            }
        }

        await UnindexAsync(handled, cancellation).ConfigureAwait(false);
    }

    /// <summary>Ends a lease without changing anything else.</summary>
    private async Task ReleaseAsync(TableEntity state, CancellationToken cancellation)
    {
        state.Remove("LockOwner");
        state.Remove("LockExpires");
        try
        {
            var response = await instances.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Replace, cancellation).ConfigureAwait(false);
            state.ETag = response.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }
}
