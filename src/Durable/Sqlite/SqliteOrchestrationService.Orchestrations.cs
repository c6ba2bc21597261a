using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Core = DurableTask.Core;
using H = DurableTask.Core.History;

namespace Workflows.Durable.Sqlite;

/// <summary>Orchestration work items: take an instance with due messages, commit its turn, or give it back.</summary>
internal sealed partial class SqliteOrchestrationService
{
    public async Task<Core.TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        (await PollAsync(TryLockOrchestrationAsync, orchestrationWork, receiveTimeout, cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// Leases an instance with due messages in a short write, then reads its messages and history outside the writer
    /// (the lease keeps them stable), so a long history never holds up other processes' and activities' writes.
    /// </summary>
    private async Task<Core.TaskOrchestrationWorkItem?> TryLockOrchestrationAsync()
    {
        var now = Now;
        var leaseEnd = LeaseEnd;
        var locked = await WriteAsync<(string InstanceId, string? ExecutionId)?>((c, t) =>
        {
            if (Scalar(c, t, """
                    SELECT m.instance_id FROM messages m JOIN instances i ON i.instance_id = m.instance_id
                    WHERE m.visible_at <= $now AND (i.locked_until IS NULL OR i.locked_until <= $now)
                    ORDER BY m.visible_at LIMIT 1
                    """, ("$now", now)) is not string instanceId)
            {
                return null;
            }

            Execute(c, t, "UPDATE instances SET locked_by = $owner, locked_until = $until WHERE instance_id = $id", ("$owner", owner), ("$until", leaseEnd), ("$id", instanceId));
            return (instanceId, (string?)Scalar(c, t, "SELECT execution_id FROM instances WHERE instance_id = $id", ("$id", instanceId)));
        }).ConfigureAwait(false);
        if (locked is not { } lease)
        {
            return null;
        }

        held[lease.InstanceId] = 0;
        try
        {
            return await ReadWorkItemAsync(lease.InstanceId, lease.ExecutionId, now, leaseEnd).ConfigureAwait(false);
        }
        catch
        {
            LetGo(lease.InstanceId);
            throw;
        }
    }

    private Task<SqliteOrchestrationWorkItem> ReadWorkItemAsync(string instanceId, string? executionId, long now, long leaseEnd) =>
        ReadAsync(c =>
        {
            var ids = new List<long>();
            var messages = new List<Core.TaskMessage>();
            using (var read = Command(c, null, "SELECT id, execution_id, event FROM messages WHERE instance_id = $id AND visible_at <= $now ORDER BY id", ("$id", instanceId), ("$now", now)))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                    messages.Add(new Core.TaskMessage
                    {
                        OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = instanceId, ExecutionId = reader.IsDBNull(1) ? null : reader.GetString(1) },
                        Event = Decode((byte[])reader[2]),
                    });
                }
            }

            var state = histories.Take(instanceId, executionId, () => StoredHistoryCount(c, instanceId))
                ?? new Core.OrchestrationRuntimeState(ReadHistory(c, null, instanceId));
            return new SqliteOrchestrationWorkItem
            {
                InstanceId = instanceId,
                OrchestrationRuntimeState = state,
                NewMessages = messages,
                LockedUntilUtc = new DateTime(leaseEnd, DateTimeKind.Utc),
                MessageIds = ids,
                TakenAt = now,
                StoredExecutionId = executionId,
                StoredHistoryCount = state.Events.Count,
            };
        });

    public Task RenewTaskOrchestrationWorkItemLockAsync(Core.TaskOrchestrationWorkItem workItem) => WriteAsync((c, t) =>
    {
        var leaseEnd = LeaseEnd;
        if (Affected(c, t, "UPDATE instances SET locked_until = $until WHERE instance_id = $id AND locked_by = $owner", ("$until", leaseEnd), ("$id", workItem.InstanceId), ("$owner", owner)) == 0)
        {
            throw new InvalidOperationException($"The lease on instance '{workItem.InstanceId}' was lost.");
        }

        workItem.LockedUntilUtc = new DateTime(leaseEnd, DateTimeKind.Utc);
    });

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        Core.TaskOrchestrationWorkItem workItem,
        Core.OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<Core.TaskMessage> outboundMessages,
        IList<Core.TaskMessage> orchestratorMessages,
        IList<Core.TaskMessage> timerMessages,
        Core.TaskMessage continuedAsNewMessage,
        Core.OrchestrationState orchestrationState)
    {
        var item = (SqliteOrchestrationWorkItem)workItem;
        await WriteAsync((c, t) =>
        {
            if (Scalar(c, t, "SELECT locked_by FROM instances WHERE instance_id = $id", ("$id", item.InstanceId)) as string != owner)
            {
                throw new InvalidOperationException($"The lease on instance '{item.InstanceId}' was lost before its turn was saved; the turn will run again.");
            }

            // The messages the turn consumed: those due when it was taken. Later ones have larger ids, or were not due yet.
            if (item.MessageIds.Count > 0)
            {
                Execute(c, t, "DELETE FROM messages WHERE instance_id = $id AND id <= $last AND visible_at <= $taken",
                    ("$id", item.InstanceId), ("$last", item.MessageIds[^1]), ("$taken", item.TakenAt));
            }

            var state = newOrchestrationRuntimeState;
            var executionId = state.ExecutionStartedEvent?.OrchestrationInstance?.ExecutionId;
            if (executionId is not null)
            {
                SaveHistory(c, t, item, state, executionId);
            }

            if (orchestrationState is not null && executionId is not null)
            {
                SaveInstance(c, t, orchestrationState, executionId);
            }

            var now = Now;
            foreach (var message in outboundMessages)
            {
                Execute(c, t, "INSERT INTO activities (instance_id, execution_id, event, visible_at) VALUES ($id, $execution, $event, $now)",
                    ("$id", message.OrchestrationInstance.InstanceId), ("$execution", message.OrchestrationInstance.ExecutionId), ("$event", Encode(message.Event)), ("$now", now));
            }

            foreach (var message in timerMessages)
            {
                var fireAt = ((H.TimerFiredEvent)message.Event).FireAt.Ticks;
                Insert(c, t, message, fireAt);
            }

            foreach (var message in orchestratorMessages)
            {
                Deliver(c, t, message, now);
            }

            Execute(c, t, "UPDATE instances SET locked_by = NULL, locked_until = NULL WHERE instance_id = $id", ("$id", item.InstanceId));
        }).ConfigureAwait(false);
        if (newOrchestrationRuntimeState.ExecutionStartedEvent is not null && !Sidecar.OrchestrationTurn.IsFinished(newOrchestrationRuntimeState.OrchestrationStatus))
        {
            histories.Remember(item.InstanceId, newOrchestrationRuntimeState);
        }

        if (outboundMessages.Count > 0)
        {
            Wake(activityWork, outboundMessages.Count);
        }

        LetGo(item.InstanceId, orchestratorMessages.Select(m => m.OrchestrationInstance.InstanceId).Where(id => id != item.InstanceId).Distinct(StringComparer.Ordinal).Count());
        instanceChanged.Pulse();
    }

    public async Task AbandonTaskOrchestrationWorkItemAsync(Core.TaskOrchestrationWorkItem workItem)
    {
        await WriteAsync((c, t) =>
            Execute(c, t, "UPDATE instances SET locked_by = NULL, locked_until = $retry WHERE instance_id = $id AND locked_by = $owner",
                ("$retry", Now + options.AbandonDelay.Ticks), ("$id", workItem.InstanceId), ("$owner", owner))).ConfigureAwait(false);
        LetGo(workItem.InstanceId);
    }

    public Task ReleaseTaskOrchestrationWorkItemAsync(Core.TaskOrchestrationWorkItem workItem)
    {
        if (held.ContainsKey(workItem.InstanceId))
        {
            LetGo(workItem.InstanceId);
        }

        Finished();
        return Task.CompletedTask;
    }

    /// <summary>
    /// This process no longer runs the instance's turn. Then the takers look again: for the messages that arrived
    /// during the turn, and for those the turn sent to other instances.
    /// </summary>
    private void LetGo(string instanceId, int othersWithMessages = 0)
    {
        held.TryRemove(instanceId, out _);
        Wake(orchestrationWork, 1 + othersWithMessages);
    }

    /// <summary>Wakes the takers for a message just committed, unless its instance's turn is running here (its end wakes them).</summary>
    private void Delivered(string instanceId)
    {
        if (!held.ContainsKey(instanceId))
        {
            Wake(orchestrationWork);
        }
    }

    private static long StoredHistoryCount(SqliteConnection connection, string instanceId) =>
        (long)(Scalar(connection, null, "SELECT coalesce(max(sequence) + 1, 0) FROM history WHERE instance_id = $id", ("$id", instanceId)) ?? 0L);

    private static List<H.HistoryEvent> ReadHistory(SqliteConnection connection, SqliteTransaction? transaction, string instanceId)
    {
        var history = new List<H.HistoryEvent>();
        using var read = Command(connection, transaction, "SELECT event FROM history WHERE instance_id = $id ORDER BY sequence", ("$id", instanceId));
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            history.Add(Decode((byte[])reader[0]));
        }

        return history;
    }

    private static void SaveHistory(SqliteConnection c, SqliteTransaction? t, SqliteOrchestrationWorkItem item, Core.OrchestrationRuntimeState state, string executionId)
    {
        IEnumerable<H.HistoryEvent> events;
        var sequence = item.StoredHistoryCount;
        if (executionId != item.StoredExecutionId || state.PastEvents.Count != item.StoredHistoryCount)
        {
            // A new execution (continued as new, or started again): its history replaces the old one.
            Execute(c, t, "DELETE FROM history WHERE instance_id = $id", ("$id", item.InstanceId));
            events = state.Events;
            sequence = 0;
        }
        else
        {
            events = state.NewEvents;
        }

        foreach (var e in events)
        {
            Execute(c, t, "INSERT INTO history (instance_id, sequence, event) VALUES ($id, $seq, $event)", ("$id", item.InstanceId), ("$seq", sequence++), ("$event", Encode(e)));
        }
    }

    private static void SaveInstance(SqliteConnection c, SqliteTransaction? t, Core.OrchestrationState state, string executionId)
    {
        Execute(c, t, """
            UPDATE instances SET execution_id = $execution, name = $name, version = $version, status = $status, custom_status = $custom,
                input = $input, output = $output, failure = $failure, parent_instance_id = $parent, tags = $tags,
                created_at = $created, last_updated_at = $updated, completed_at = $completed
            WHERE instance_id = $id
            """,
            ("$id", state.OrchestrationInstance.InstanceId), ("$execution", executionId), ("$name", state.Name), ("$version", state.Version),
            ("$status", (int)state.OrchestrationStatus), ("$custom", state.Status), ("$input", state.Input), ("$output", state.Output),
            ("$failure", state.FailureDetails is null ? null : Google.Protobuf.MessageExtensions.ToByteArray(Sidecar.ProtoHistory.ToProto(state.FailureDetails)!)),
            ("$parent", state.ParentInstance?.OrchestrationInstance?.InstanceId), ("$tags", Tags(state.Tags)),
            ("$created", state.CreatedTime.Ticks), ("$updated", state.LastUpdatedTime.Ticks),
            ("$completed", Core.Common.DateTimeUtils.IsSet(state.CompletedTime) ? state.CompletedTime.Ticks : null));
    }

    /// <summary>
    /// Puts a message in an instance's inbox. A start creates (or resets) the instance; anything else for an instance
    /// that does not exist is dropped, since no one would ever read it.
    /// </summary>
    private void Deliver(SqliteConnection c, SqliteTransaction? t, Core.TaskMessage message, long visibleAt)
    {
        var instanceId = message.OrchestrationInstance.InstanceId;
        if (message.Event is H.ExecutionStartedEvent started)
        {
            ResetInstance(c, t, started, Now);
            Insert(c, t, message, started.ScheduledStartTime is { } at && at.Ticks > visibleAt ? at.Ticks : visibleAt);
        }
        else if (Affected(c, t, """
                INSERT INTO messages (instance_id, execution_id, event, visible_at)
                SELECT $id, $execution, $event, $visible WHERE EXISTS (SELECT 1 FROM instances WHERE instance_id = $id)
                """,
                ("$id", instanceId), ("$execution", message.OrchestrationInstance.ExecutionId), ("$event", Encode(message.Event)), ("$visible", visibleAt)) == 0)
        {
            logger.LogWarning("A {EventType} message for instance {InstanceId}, which does not exist, was dropped.", message.Event.EventType, instanceId);
        }
    }

    private static void Insert(SqliteConnection c, SqliteTransaction? t, Core.TaskMessage message, long visibleAt) =>
        Execute(c, t, "INSERT INTO messages (instance_id, execution_id, event, visible_at) VALUES ($id, $execution, $event, $visible)",
            ("$id", message.OrchestrationInstance.InstanceId), ("$execution", message.OrchestrationInstance.ExecutionId), ("$event", Encode(message.Event)), ("$visible", visibleAt));

    /// <summary>Creates the instance's row as Pending for a new execution, clearing what an earlier execution left.</summary>
    private static void ResetInstance(SqliteConnection c, SqliteTransaction? t, H.ExecutionStartedEvent started, long now)
    {
        var instanceId = started.OrchestrationInstance.InstanceId;
        Execute(c, t, "DELETE FROM history WHERE instance_id = $id; DELETE FROM messages WHERE instance_id = $id; DELETE FROM activities WHERE instance_id = $id;", ("$id", instanceId));
        Execute(c, t, """
            INSERT INTO instances (instance_id, execution_id, name, version, status, input, parent_instance_id, tags, created_at, last_updated_at, scheduled_start_at)
            VALUES ($id, $execution, $name, $version, $status, $input, $parent, $tags, $now, $now, $scheduled)
            ON CONFLICT (instance_id) DO UPDATE SET execution_id = excluded.execution_id, name = excluded.name, version = excluded.version,
                status = excluded.status, custom_status = NULL, input = excluded.input, output = NULL, failure = NULL,
                parent_instance_id = excluded.parent_instance_id, tags = excluded.tags, created_at = excluded.created_at,
                last_updated_at = excluded.last_updated_at, completed_at = NULL, scheduled_start_at = excluded.scheduled_start_at
            """,
            ("$id", instanceId), ("$execution", started.OrchestrationInstance.ExecutionId), ("$name", started.Name), ("$version", started.Version),
            ("$status", (int)Core.OrchestrationStatus.Pending), ("$input", started.Input),
            ("$parent", started.ParentInstance?.OrchestrationInstance?.InstanceId), ("$tags", Tags(started.Tags)), ("$now", now),
            ("$scheduled", started.ScheduledStartTime?.Ticks));
    }

    private static string? Tags(IDictionary<string, string>? tags) =>
        tags is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(tags) : null;
}
