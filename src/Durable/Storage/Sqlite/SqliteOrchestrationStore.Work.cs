using Microsoft.Data.Sqlite;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockNextOrchestrationsAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default) =>
        LockOrchestrationsAsync(workerId, maxCount, leaseDuration, null, cancellation);

    /// <inheritdoc />
    public async Task<OrchestrationWorkItem?> LockOrchestrationAsync(
        string workerId, string instanceId, TimeSpan leaseDuration, CancellationToken cancellation = default) =>
        (await LockOrchestrationsAsync(workerId, 1, leaseDuration, instanceId, cancellation).ConfigureAwait(false)) is [var item] ? item : null;

    private Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, string? onlyInstance, CancellationToken cancellation)
    {
        var now = Now;
        return WriteAsync<IReadOnlyList<OrchestrationWorkItem>>(
            (connection, transaction) =>
            {
                var leased = new List<(InstanceRecord Instance, int Attempt)>();
                using (var lease = Command(connection, transaction, $"""
                    UPDATE instances SET lock_owner = $me, lock_expires_at = $expires, attempts = attempts + 1
                    WHERE instance_id IN (
                        SELECT m.instance_id FROM messages m {(onlyInstance is null ? "INDEXED BY ix_messages_visible" : "INDEXED BY ix_messages_instance")}
                        JOIN instances i ON i.instance_id = m.instance_id
                        WHERE {SqliteSchema.MessageDeliverable} AND {SqliteSchema.InstanceLeasable} {(onlyInstance is null ? "" : "AND m.instance_id = $only")}
                        ORDER BY m.visible_at LIMIT $max)
                    RETURNING {InstanceColumns}, attempts
                    """))
                {
                    lease.Parameters.AddWithValue("$only", (object?)onlyInstance ?? DBNull.Value);
                    lease.Parameters.AddWithValue("$me", workerId);
                    lease.Parameters.AddWithValue("$now", now);
                    lease.Parameters.AddWithValue("$expires", now + leaseDuration.Ticks);
                    lease.Parameters.AddWithValue("$max", maxCount);
                    using var reader = lease.ExecuteReader();
                    while (reader.Read())
                    {
                        leased.Add((ReadInstance(reader, withInput: false), reader.GetInt32(12)));
                    }
                }

                var items = new List<OrchestrationWorkItem>(leased.Count);
                foreach (var (instance, attempt) in leased)
                {
                    using var read = Command(connection, transaction, """
                        SELECT id, execution_id, event, (SELECT history_length FROM instances WHERE instance_id = $id)
                        FROM messages WHERE instance_id = $id AND visible_at <= $now ORDER BY id
                        """);
                    read.Parameters.AddWithValue("$id", instance.InstanceId);
                    read.Parameters.AddWithValue("$now", now);
                    var messages = new List<StoredMessage>();
                    var historyLength = 0;
                    using (var reader = read.ExecuteReader())
                    {
                        while (reader.Read())
                        {
                            messages.Add(new StoredMessage(
                                reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                                reader.IsDBNull(1) ? null : reader.GetString(1),
                                EventSerializer.Deserialize(reader.GetString(2))));
                            historyLength = reader.GetInt32(3);
                        }
                    }

                    items.Add(new OrchestrationWorkItem(instance, messages, historyLength) { Attempt = attempt });
                }

                return items;
            },
            notify: StoreChanges.None,
            cancellation);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        ReadAsync<IReadOnlyList<HistoryEvent>>(
            connection =>
            {
                using var read = Command(connection, null, "SELECT event FROM history WHERE instance_id = $id ORDER BY seq");
                read.Parameters.AddWithValue("$id", instanceId);
                using var reader = read.ExecuteReader();
                var events = new List<HistoryEvent>();
                while (reader.Read())
                {
                    events.Add(EventSerializer.Deserialize(reader.GetString(0)));
                }

                return events;
            },
            cancellation);

    /// <inheritdoc />
    public Task CompleteOrchestrationAsync(
        string workerId, OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        var now = Now;
        var instanceId = workItem.Instance.InstanceId;
        var continuesAsNew = commit.NewExecutionId is not null;
        return WriteAsync(
            (connection, transaction) =>
            {
                using (var update = Command(connection, transaction, """
                    UPDATE instances SET status = $status, output = $output, custom_status = $custom, failure = $failure,
                        last_updated_at = $now, version = version + 1, lock_owner = NULL, lock_expires_at = NULL, attempts = 0,
                        history_length = $length, execution_id = coalesce($execution, execution_id), input = iif($execution IS NULL, input, $input)
                    WHERE instance_id = $id AND version = $version AND lock_owner = $me
                    """))
                {
                    update.Parameters.AddWithValue("$status", (int)commit.Status);
                    update.Parameters.AddWithValue("$output", (object?)commit.Output ?? DBNull.Value);
                    update.Parameters.AddWithValue("$custom", (object?)commit.CustomStatus ?? DBNull.Value);
                    update.Parameters.AddWithValue("$failure", (object?)EventSerializer.SerializeRecord(commit.Failure) ?? DBNull.Value);
                    update.Parameters.AddWithValue("$now", now);
                    update.Parameters.AddWithValue("$length", continuesAsNew ? 0 : workItem.HistoryLength + commit.NewHistory.Count);
                    update.Parameters.AddWithValue("$execution", (object?)commit.NewExecutionId ?? DBNull.Value);
                    update.Parameters.AddWithValue("$input", (object?)commit.NewInput ?? DBNull.Value);
                    update.Parameters.AddWithValue("$id", instanceId);
                    update.Parameters.AddWithValue("$version", workItem.Instance.Version);
                    update.Parameters.AddWithValue("$me", workerId);
                    if (update.ExecuteNonQuery() != 1)
                    {
                        throw new StoreConflictException(instanceId);
                    }
                }

                if (continuesAsNew)
                {
                    using var clear = Command(connection, transaction, "DELETE FROM history WHERE instance_id = $id");
                    clear.Parameters.AddWithValue("$id", instanceId);
                    clear.ExecuteNonQuery();
                }
                else
                {
                    AppendHistory(connection, transaction, instanceId, workItem.HistoryLength, commit.NewHistory);
                }

                DeleteMessages(connection, transaction, commit.ConsumedMessages);
                InsertActivities(connection, transaction, commit.Activities, now);
                foreach (var message in commit.Messages)
                {
                    InsertMessageIfInstanceExists(connection, transaction, message);
                }

                foreach (var child in commit.SubOrchestrations)
                {
                    StartSubOrchestration(connection, transaction, child, now);
                }

                return 0;
            },
            notify: StoreChanges.OrchestrationWork | StoreChanges.Instances | (commit.Activities.Count > 0 ? StoreChanges.ActivityWork : StoreChanges.None),
            cancellation);
    }

    /// <inheritdoc />
    public Task AbandonOrchestrationAsync(string workerId, OrchestrationWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return ReleaseLeaseAsync("instances", "instance_id", workItem.Instance.InstanceId, workerId, StoreChanges.OrchestrationWork, cancellation);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityWorkItem>> LockNextActivitiesAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default) =>
        LockActivitiesAsync(workerId, maxCount, leaseDuration, null, cancellation);

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(
        string workerId, string instanceId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellation = default) =>
        LockActivitiesAsync(workerId, maxCount, leaseDuration, instanceId, cancellation);

    private Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, string? onlyInstance, CancellationToken cancellation)
    {
        var now = Now;
        return WriteAsync<IReadOnlyList<ActivityWorkItem>>(
            (connection, transaction) =>
            {
                using var lease = Command(connection, transaction, $"""
                    UPDATE activities SET lock_owner = $me, lock_expires_at = $expires, attempt = attempt + 1
                    WHERE id IN (
                        SELECT id FROM activities
                        WHERE visible_at <= $now AND (lock_owner IS NULL OR (lock_expires_at <= $now AND lock_owner <> $me))
                        {(onlyInstance is null ? "" : "AND instance_id = $only")}
                        ORDER BY id LIMIT $max)
                    RETURNING id, instance_id, execution_id, task_id, name, input, attempt
                    """);
                lease.Parameters.AddWithValue("$only", (object?)onlyInstance ?? DBNull.Value);
                lease.Parameters.AddWithValue("$me", workerId);
                lease.Parameters.AddWithValue("$now", now);
                lease.Parameters.AddWithValue("$expires", now + leaseDuration.Ticks);
                lease.Parameters.AddWithValue("$max", maxCount);
                using var reader = lease.ExecuteReader();
                var items = new List<ActivityWorkItem>();
                while (reader.Read())
                {
                    var request = new ActivityRequest(
                        reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
                    items.Add(new ActivityWorkItem(reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), request, reader.GetInt32(6)));
                }

                return items;
            },
            notify: StoreChanges.None,
            cancellation);
    }

    /// <inheritdoc />
    public Task RenewActivityLeasesAsync(
        string workerId, IReadOnlyList<ActivityWorkItem> workItems, TimeSpan leaseDuration, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItems);
        var expires = Now + leaseDuration.Ticks;
        return WriteAsync(
            (connection, transaction) =>
            {
                using var renew = Command(connection, transaction,
                    "UPDATE activities SET lock_expires_at = $expires WHERE id = $id AND lock_owner = $me");
                var id = renew.Parameters.Add("$id", SqliteType.Integer);
                renew.Parameters.AddWithValue("$expires", expires);
                renew.Parameters.AddWithValue("$me", workerId);
                foreach (var item in workItems)
                {
                    id.Value = long.Parse(item.Id, System.Globalization.CultureInfo.InvariantCulture);
                    renew.ExecuteNonQuery();
                }

                return 0;
            },
            notify: StoreChanges.None,
            cancellation);
    }

    /// <inheritdoc />
    public Task CompleteActivitiesAsync(
        string workerId, IReadOnlyList<(ActivityWorkItem WorkItem, HistoryEvent Result)> completions, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        var now = Now;
        return WriteAsync(
            (connection, transaction) =>
            {
                using var remove = Command(connection, transaction, "DELETE FROM activities WHERE id = $id AND lock_owner = $me");
                var id = remove.Parameters.Add("$id", SqliteType.Integer);
                remove.Parameters.AddWithValue("$me", workerId);
                foreach (var (item, result) in completions)
                {
                    id.Value = long.Parse(item.Id, System.Globalization.CultureInfo.InvariantCulture);
                    if (remove.ExecuteNonQuery() == 1)
                    {
                        var message = new OutgoingMessage(item.Request.InstanceId, item.Request.ExecutionId, result, new DateTimeOffset(now, TimeSpan.Zero));
                        InsertMessageIfInstanceExists(connection, transaction, message);
                    }
                }

                return 0;
            },
            notify: StoreChanges.OrchestrationWork,
            cancellation);
    }

    /// <inheritdoc />
    public Task AbandonActivityAsync(string workerId, ActivityWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return ReleaseLeaseAsync(
            "activities", "id", long.Parse(workItem.Id, System.Globalization.CultureInfo.InvariantCulture), workerId, StoreChanges.ActivityWork, cancellation);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetNextWakeUpAsync(string workerId, DateTimeOffset after, CancellationToken cancellation = default)
    {
        var now = after.UtcTicks;
        return ReadAsync<DateTimeOffset?>(
            connection =>
            {
                using var read = Command(connection, null, """
                    SELECT min(t) FROM (
                        SELECT min(visible_at) AS t FROM messages WHERE visible_at > $now
                        UNION ALL SELECT min(visible_at) FROM activities WHERE visible_at > $now
                        UNION ALL SELECT min(lock_expires_at) FROM instances WHERE lock_owner IS NOT NULL AND lock_owner <> $me AND lock_expires_at > $now
                        UNION ALL SELECT min(lock_expires_at) FROM activities WHERE lock_owner IS NOT NULL AND lock_owner <> $me AND lock_expires_at > $now)
                    """);
                read.Parameters.AddWithValue("$now", now);
                read.Parameters.AddWithValue("$me", workerId);
                return read.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
            },
            cancellation);
    }

    /// <inheritdoc />
    public Task<bool> HasDueWorkAsync(CancellationToken cancellation = default)
    {
        var now = Now;
        return ReadAsync(
            connection =>
            {
                using var read = Command(connection, null, $"""
                    SELECT EXISTS (
                        SELECT 1 FROM messages m INDEXED BY ix_messages_visible JOIN instances i ON i.instance_id = m.instance_id
                        WHERE {SqliteSchema.MessageDeliverable} AND (i.lock_owner IS NULL OR i.lock_expires_at <= $now))
                    OR EXISTS (SELECT 1 FROM activities WHERE visible_at <= $now AND (lock_owner IS NULL OR lock_expires_at <= $now))
                    """);
                read.Parameters.AddWithValue("$now", now);
                return read.ExecuteScalar() is long found && found != 0;
            },
            cancellation);
    }

    private Task<int> ReleaseLeaseAsync(string table, string keyColumn, object key, string workerId, StoreChanges notify, CancellationToken cancellation) =>
        WriteAsync(
            (connection, transaction) =>
            {
                using var release = Command(connection, transaction,
                    $"UPDATE {table} SET lock_owner = NULL, lock_expires_at = NULL WHERE {keyColumn} = $key AND lock_owner = $me");
                release.Parameters.AddWithValue("$key", key);
                release.Parameters.AddWithValue("$me", workerId);
                return release.ExecuteNonQuery();
            },
            notify,
            cancellation);

    private static void AppendHistory(
        SqliteConnection connection, SqliteTransaction transaction, string instanceId, int firstSeq, IReadOnlyList<HistoryEvent> events)
    {
        using var insert = Command(connection, transaction, "INSERT INTO history (instance_id, seq, event) VALUES ($id, $seq, $event)");
        insert.Parameters.AddWithValue("$id", instanceId);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var body = insert.Parameters.Add("$event", SqliteType.Text);
        for (var i = 0; i < events.Count; i++)
        {
            seq.Value = firstSeq + i;
            body.Value = EventSerializer.Serialize(events[i]);
            insert.ExecuteNonQuery();
        }
    }

    private static void DeleteMessages(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredMessage> messages)
    {
        using var delete = Command(connection, transaction, "DELETE FROM messages WHERE id = $id");
        var id = delete.Parameters.Add("$id", SqliteType.Integer);
        foreach (var message in messages)
        {
            id.Value = long.Parse(message.Id, System.Globalization.CultureInfo.InvariantCulture);
            delete.ExecuteNonQuery();
        }
    }

    private static void InsertActivities(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<ActivityRequest> activities, long now)
    {
        using var insert = Command(connection, transaction, """
            INSERT OR IGNORE INTO activities (instance_id, execution_id, task_id, name, input, visible_at)
            VALUES ($id, $execution, $task, $name, $input, $now)
            """);
        var instance = insert.Parameters.Add("$id", SqliteType.Text);
        var execution = insert.Parameters.Add("$execution", SqliteType.Text);
        var task = insert.Parameters.Add("$task", SqliteType.Integer);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var input = insert.Parameters.Add("$input", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", now);
        foreach (var activity in activities)
        {
            instance.Value = activity.InstanceId;
            execution.Value = activity.ExecutionId;
            task.Value = activity.TaskId;
            name.Value = activity.Name;
            input.Value = (object?)activity.Input ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static void InsertMessageIfInstanceExists(SqliteConnection connection, SqliteTransaction transaction, OutgoingMessage message)
    {
        using var insert = Command(connection, transaction, """
            INSERT INTO messages (instance_id, execution_id, visible_at, is_control, event)
            SELECT $id, $execution, $visible, $control, $event WHERE EXISTS (SELECT 1 FROM instances WHERE instance_id = $id)
            """);
        insert.Parameters.AddWithValue("$id", message.InstanceId);
        insert.Parameters.AddWithValue("$execution", (object?)message.ExecutionId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$visible", message.VisibleAt.UtcTicks);
        insert.Parameters.AddWithValue("$control", StoredMessage.IsControlEvent(message.Event) ? 1 : 0);
        insert.Parameters.AddWithValue("$event", EventSerializer.Serialize(message.Event));
        insert.ExecuteNonQuery();
    }

    private static void StartSubOrchestration(SqliteConnection connection, SqliteTransaction transaction, NewInstance child, long now)
    {
        var existing = ReadStatus(connection, transaction, child.InstanceId);
        if (existing is { } status && !status.IsTerminal())
        {
            var parent = child.Parent!;
            InsertMessage(connection, transaction, parent.InstanceId, parent.ExecutionId,
                SubOrchestrationIdTaken.Failure(child, status, new DateTime(now, DateTimeKind.Utc)), now);
            return;
        }

        CreateOrReset(connection, transaction, child, now);
    }
}
