using Microsoft.Data.Sqlite;
using Core = DurableTask.Core;
using H = DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sqlite;

/// <summary>The client side: start, message, wait for, read, query and purge instances.</summary>
internal sealed partial class SqliteOrchestrationService :
    Core.IOrchestrationServiceClient, Core.Query.IOrchestrationServiceQueryClient, Core.IOrchestrationServicePurgeClient, IOrchestrationHistoryReader
{
    private const string StateColumns = """
        instance_id, execution_id, name, version, status, custom_status, input, output, failure, parent_instance_id, tags,
        created_at, last_updated_at, completed_at, scheduled_start_at
        """;

    public Task CreateTaskOrchestrationAsync(Core.TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, []);

    public async Task CreateTaskOrchestrationAsync(Core.TaskMessage creationMessage, Core.OrchestrationStatus[] dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        await EnsureCreatedAsync().ConfigureAwait(false);
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        await WriteAsync((c, t) =>
        {
            if (Scalar(c, t, "SELECT status FROM instances WHERE instance_id = $id", ("$id", instanceId)) is long status
                && dedupeStatuses.Contains((Core.OrchestrationStatus)status))
            {
                throw new Core.Exceptions.OrchestrationAlreadyExistsException(
                    $"An orchestration with instance id '{instanceId}' already exists and is {(Core.OrchestrationStatus)status}.");
            }

            Deliver(c, t, creationMessage, Now);
        }).ConfigureAwait(false);
        Wake(orchestrationWork);
        instanceChanged.Pulse();
    }

    public Task SendTaskOrchestrationMessageAsync(Core.TaskMessage message) => SendTaskOrchestrationMessageBatchAsync(message);

    public async Task SendTaskOrchestrationMessageBatchAsync(params Core.TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await EnsureCreatedAsync().ConfigureAwait(false);
        await WriteAsync((c, t) =>
        {
            foreach (var message in messages)
            {
                Deliver(c, t, message, Now);
            }
        }).ConfigureAwait(false);
        Wake(orchestrationWork, messages.Select(m => m.OrchestrationInstance.InstanceId).Distinct(StringComparer.Ordinal).Count());
    }

    public async Task<Core.OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            limit.CancelAfter(timeout);
        }

        while (true)
        {
            var changed = instanceChanged.WaitAsync();
            var state = await GetOrchestrationStateAsync(instanceId, executionId).ConfigureAwait(false);
            if (state is not null && Sidecar.OrchestrationTurn.IsFinished(state.OrchestrationStatus))
            {
                return state;
            }

            try
            {
                // Other processes finish instances too: look again after the polling interval even without a signal.
                await Task.WhenAny(changed, Task.Delay(options.PollingInterval, TimeProvider.System, limit.Token)).ConfigureAwait(false);
                limit.Token.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null!;
            }
        }
    }

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new Core.TaskMessage
        {
            OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = instanceId },
            Event = new H.ExecutionTerminatedEvent(-1, reason) { Timestamp = clock.GetUtcNow().UtcDateTime },
        });

    public async Task<IList<Core.OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        await GetOrchestrationStateAsync(instanceId, (string?)null).ConfigureAwait(false) is { } state ? [state] : [];

    public async Task<Core.OrchestrationState> GetOrchestrationStateAsync(string instanceId, string? executionId)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        return (await ReadAsync(c =>
        {
            using var read = Command(c, null, $"SELECT {StateColumns} FROM instances WHERE instance_id = $id", ("$id", instanceId));
            using var reader = read.ExecuteReader();
            return reader.Read() ? ReadState(reader, withData: true) : null;
        }).ConfigureAwait(false))!;
    }

    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId)
    {
        var history = await ReadHistoryAsync(instanceId, CancellationToken.None).ConfigureAwait(false);
        return Newtonsoft.Json.JsonConvert.SerializeObject(history);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<H.HistoryEvent>> ReadHistoryAsync(string instanceId, CancellationToken cancellation)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        return await ReadAsync(c => ReadHistory(c, null, instanceId), cancellation).ConfigureAwait(false);
    }

    public async Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, Core.OrchestrationStateTimeRangeFilterType timeRangeFilterType)
    {
        var column = timeRangeFilterType switch
        {
            Core.OrchestrationStateTimeRangeFilterType.OrchestrationCreatedTimeFilter => "created_at",
            Core.OrchestrationStateTimeRangeFilterType.OrchestrationLastUpdatedTimeFilter => "last_updated_at",
            _ => "completed_at",
        };
        await PurgeWhereAsync($"{column} < $threshold", ("$threshold", thresholdDateTimeUtc.Ticks)).ConfigureAwait(false);
    }

    public async Task<Core.PurgeResult> PurgeInstanceStateAsync(string instanceId) =>
        new(await PurgeWhereAsync("instance_id = $id", ("$id", instanceId)).ConfigureAwait(false));

    public async Task<Core.PurgeResult> PurgeInstanceStateAsync(Core.PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        var statuses = (purgeInstanceFilter.RuntimeStatus ?? []).Select(s => (int)s).ToList();
        var where = "created_at >= $from AND created_at < $to" + (statuses.Count > 0 ? $" AND status IN ({string.Join(",", statuses)})" : string.Empty);
        var count = await PurgeWhereAsync(where, ("$from", purgeInstanceFilter.CreatedTimeFrom.Ticks), ("$to", (purgeInstanceFilter.CreatedTimeTo ?? DateTime.MaxValue).Ticks)).ConfigureAwait(false);
        return new Core.PurgeResult(count, isComplete: true);
    }

    public async Task<Core.Query.OrchestrationQueryResult> GetOrchestrationWithQueryAsync(Core.Query.OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureCreatedAsync().ConfigureAwait(false);
        var conditions = new List<string> { "instance_id > $after" };
        var parameters = new List<(string, object?)> { ("$after", query.ContinuationToken ?? string.Empty) };
        if (query.RuntimeStatus is { Count: > 0 } statuses)
        {
            conditions.Add($"status IN ({string.Join(",", statuses.Select(s => (int)s))})");
        }

        if (query.CreatedTimeFrom is { } from)
        {
            conditions.Add("created_at >= $from");
            parameters.Add(("$from", from.ToUniversalTime().Ticks));
        }

        if (query.CreatedTimeTo is { } to)
        {
            conditions.Add("created_at <= $to");
            parameters.Add(("$to", to.ToUniversalTime().Ticks));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            // Ordinal prefix match that uses the primary key: [prefix, prefix + U+FFFF).
            conditions.Add("instance_id >= $prefix AND instance_id < $prefixEnd");
            parameters.Add(("$prefix", query.InstanceIdPrefix));
            parameters.Add(("$prefixEnd", query.InstanceIdPrefix + '\uffff'));
        }

        var pageSize = query.PageSize > 0 ? query.PageSize : 100;
        parameters.Add(("$take", pageSize + 1));
        var states = await ReadAsync(c =>
        {
            using var read = Command(c, null, $"SELECT {StateColumns} FROM instances WHERE {string.Join(" AND ", conditions)} ORDER BY instance_id LIMIT $take", [.. parameters]);
            using var reader = read.ExecuteReader();
            var found = new List<Core.OrchestrationState>();
            while (reader.Read())
            {
                found.Add(ReadState(reader, query.FetchInputsAndOutputs));
            }

            return found;
        }, cancellationToken).ConfigureAwait(false);
        var more = states.Count > pageSize;
        var page = more ? states.Take(pageSize).ToList() : states;
        return new Core.Query.OrchestrationQueryResult(page, more ? page[^1].OrchestrationInstance.InstanceId : null);
    }

    /// <summary>Deletes finished instances matching <paramref name="where"/>, with their history and inbox.</summary>
    private async Task<int> PurgeWhereAsync(string where, params (string, object?)[] parameters)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        var finishedStatuses = string.Join(",", new[] { Core.OrchestrationStatus.Completed, Core.OrchestrationStatus.Failed, Core.OrchestrationStatus.Terminated, Core.OrchestrationStatus.Canceled }.Select(s => (int)s));
        return await WriteAsync((c, t) =>
        {
            var filter = $"({where}) AND status IN ({finishedStatuses})";
            Execute(c, t, $"DELETE FROM history WHERE instance_id IN (SELECT instance_id FROM instances WHERE {filter})", parameters);
            Execute(c, t, $"DELETE FROM messages WHERE instance_id IN (SELECT instance_id FROM instances WHERE {filter})", parameters);
            Execute(c, t, $"DELETE FROM activities WHERE instance_id IN (SELECT instance_id FROM instances WHERE {filter})", parameters);
            return Affected(c, t, $"DELETE FROM instances WHERE {filter}", parameters);
        }).ConfigureAwait(false);
    }

    private static Core.OrchestrationState ReadState(SqliteDataReader reader, bool withData)
    {
        static DateTime Time(SqliteDataReader r, int i) => r.IsDBNull(i) ? Core.Common.DateTimeUtils.MinDateTime : new DateTime(r.GetInt64(i), DateTimeKind.Utc);
        static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new Core.OrchestrationState
        {
            OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = reader.GetString(0), ExecutionId = reader.GetString(1) },
            Name = reader.GetString(2),
            Version = Text(reader, 3),
            OrchestrationStatus = (Core.OrchestrationStatus)reader.GetInt32(4),
            Status = Text(reader, 5),
            Input = withData ? Text(reader, 6) : null,
            Output = withData ? Text(reader, 7) : null,
            FailureDetails = reader.IsDBNull(8) ? null : Sidecar.ProtoHistory.ToCore(P.TaskFailureDetails.Parser.ParseFrom((byte[])reader[8])),
            ParentInstance = reader.IsDBNull(9) ? null : new Core.ParentInstance { OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = reader.GetString(9) } },
            Tags = reader.IsDBNull(10) ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(10)),
            CreatedTime = Time(reader, 11),
            LastUpdatedTime = Time(reader, 12),
            CompletedTime = Time(reader, 13),
            ScheduledStartTime = reader.IsDBNull(14) ? null : new DateTime(reader.GetInt64(14), DateTimeKind.Utc),
        };
    }
}
