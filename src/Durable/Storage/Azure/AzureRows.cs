using Azure.Data.Tables;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Azure;

/// <summary>Reads and writes the store's rows; large text goes through <see cref="AzurePayloads"/>.</summary>
internal sealed class AzureRows(AzurePayloads payloads)
{
    public AzurePayloads Payloads => payloads;

    /// <summary>Reads a state row; output and custom status always (a commit writes them back), the input when asked.</summary>
    public async Task<InstanceRecord> ReadInstanceAsync(TableEntity state, string instanceId, bool withInput, CancellationToken cancellation) => new()
    {
        InstanceId = instanceId,
        ExecutionId = state.GetString("ExecutionId"),
        Name = state.GetString("Name"),
        Status = (OrchestrationRuntimeStatus)(state.GetInt32("Status") ?? 0),
        Input = withInput ? await payloads.GetAsync(state, "Input", cancellation).ConfigureAwait(false) : null,
        Output = await payloads.GetAsync(state, "Output", cancellation).ConfigureAwait(false),
        CustomStatus = await payloads.GetAsync(state, "CustomStatus", cancellation).ConfigureAwait(false),
        Failure = EventSerializer.DeserializeRecord<TaskFailureDetails>(await payloads.GetAsync(state, "Failure", cancellation).ConfigureAwait(false)),
        Parent = EventSerializer.DeserializeRecord<ParentInstance>(state.GetString("Parent")),
        CreatedAt = Time(state, "CreatedAt") ?? default,
        LastUpdatedAt = Time(state, "LastUpdatedAt") ?? default,
        Version = state.GetInt64("Version") ?? 0,
    };

    /// <summary>The state row of a new execution: pending, unleased, no history.</summary>
    public async Task<TableEntity> NewStateAsync(string partition, NewInstance instance, DateTimeOffset now, DateTimeOffset startAt, long version, CancellationToken cancellation)
    {
        var state = new TableEntity(partition, AzureKeys.State)
        {
            ["ExecutionId"] = instance.ExecutionId,
            ["Name"] = instance.Name,
            ["Status"] = (int)OrchestrationRuntimeStatus.Pending,
            ["Parent"] = EventSerializer.SerializeRecord(instance.Parent),
            ["CreatedAt"] = now.UtcTicks,
            ["LastUpdatedAt"] = now.UtcTicks,
            ["StartAt"] = startAt.UtcTicks,
            ["Version"] = version,
            ["HistoryLength"] = 0,
            ["Attempts"] = 0,
        };
        await payloads.SetAsync(state, "Input", instance.Input, cancellation).ConfigureAwait(false);
        return state;
    }

    public async Task<TableEntity> MessageAsync(string partition, string rowKey, string? executionId, HistoryEvent message, DateTimeOffset visibleAt, CancellationToken cancellation)
    {
        var row = new TableEntity(partition, rowKey)
        {
            ["ExecutionId"] = executionId,
            ["VisibleAt"] = visibleAt.UtcTicks,
            ["IsControl"] = StoredMessage.IsControlEvent(message),
        };
        await payloads.SetAsync(row, "Event", EventSerializer.Serialize(message), cancellation).ConfigureAwait(false);
        return row;
    }

    public async Task<StoredMessage> ReadMessageAsync(TableEntity row, CancellationToken cancellation) =>
        new(row.RowKey, row.GetString("ExecutionId"), await ReadEventAsync(row, cancellation).ConfigureAwait(false));

    public async Task<TableEntity> HistoryAsync(string partition, int seq, HistoryEvent e, CancellationToken cancellation)
    {
        var row = new TableEntity(partition, AzureKeys.History(seq));
        await payloads.SetAsync(row, "Event", EventSerializer.Serialize(e), cancellation).ConfigureAwait(false);
        return row;
    }

    public async Task<HistoryEvent> ReadEventAsync(TableEntity row, CancellationToken cancellation) =>
        EventSerializer.Deserialize(await payloads.GetAsync(row, "Event", cancellation).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Row {row.RowKey} of {row.PartitionKey} has no event."));

    public async Task<TableEntity> ActivityAsync(string partition, ActivityRequest request, DateTimeOffset visibleAt, CancellationToken cancellation)
    {
        var row = new TableEntity(partition, AzureKeys.Activity(request.ExecutionId, request.TaskId))
        {
            ["InstanceId"] = request.InstanceId,
            ["ExecutionId"] = request.ExecutionId,
            ["TaskId"] = request.TaskId,
            ["Name"] = request.Name,
            ["VisibleAt"] = visibleAt.UtcTicks,
            ["Attempt"] = 0,
        };
        await payloads.SetAsync(row, "Input", request.Input, cancellation).ConfigureAwait(false);
        return row;
    }

    public async Task<ActivityRequest> ReadActivityAsync(TableEntity row, CancellationToken cancellation) => new(
        row.GetString("InstanceId"),
        row.GetString("ExecutionId"),
        row.GetInt32("TaskId") ?? 0,
        row.GetString("Name"),
        await payloads.GetAsync(row, "Input", cancellation).ConfigureAwait(false));

    public static DateTimeOffset? Time(TableEntity row, string name) =>
        row.GetInt64(name) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>True when the row is leased and may not be taken by <paramref name="workerId"/> now (its own expired lease included, as in SQLite).</summary>
    public static bool IsHeld(TableEntity row, string workerId, DateTimeOffset now) =>
        row.GetString("LockOwner") is { } owner && (owner == workerId || Time(row, "LockExpires") > now);
}
