using Core = DurableTask.Core;

namespace Workflows.Durable.Sqlite;

/// <summary>Activity work items: take a due one under a lease, keep it, answer it, or give it back.</summary>
internal sealed partial class SqliteOrchestrationService
{
    public async Task<Core.TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        (await PollAsync(TryLockActivityAsync, activityWork, receiveTimeout, cancellationToken).ConfigureAwait(false))!;

    private Task<Core.TaskActivityWorkItem?> TryLockActivityAsync() => WriteAsync<Core.TaskActivityWorkItem?>((c, t) =>
    {
        var leaseEnd = LeaseEnd;
        using var take = Command(c, t, """
            UPDATE activities SET visible_at = $until, locked_by = $owner, attempts = attempts + 1
            WHERE id = (SELECT id FROM activities WHERE visible_at <= $now ORDER BY visible_at, id LIMIT 1)
            RETURNING id, instance_id, execution_id, event, attempts
            """, ("$until", leaseEnd), ("$owner", owner), ("$now", Now));
        using var reader = take.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var rowId = reader.GetInt64(0);
        return new SqliteActivityWorkItem
        {
            RowId = rowId,
            Id = rowId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LockedUntilUtc = new DateTime(leaseEnd, DateTimeKind.Utc),
            DeliveryAttempt = reader.GetInt32(4),
            TaskMessage = new Core.TaskMessage
            {
                OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = reader.GetString(1), ExecutionId = reader.IsDBNull(2) ? null : reader.GetString(2) },
                Event = Decode((byte[])reader[3]),
            },
        };
    });

    public Task<Core.TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(Core.TaskActivityWorkItem workItem) => WriteAsync((c, t) =>
    {
        var item = (SqliteActivityWorkItem)workItem;
        var leaseEnd = LeaseEnd;
        if (Affected(c, t, "UPDATE activities SET visible_at = $until WHERE id = $id AND locked_by = $owner", ("$until", leaseEnd), ("$id", item.RowId), ("$owner", owner)) == 0)
        {
            throw new InvalidOperationException($"The lease on activity {item.Id} was lost.");
        }

        item.LockedUntilUtc = new DateTime(leaseEnd, DateTimeKind.Utc);
        return workItem;
    });

    public async Task CompleteTaskActivityWorkItemAsync(Core.TaskActivityWorkItem workItem, Core.TaskMessage responseMessage)
    {
        var item = (SqliteActivityWorkItem)workItem;
        try
        {
            await WriteAsync((c, t) =>
            {
                // A lease lost to another worker means that worker runs it again and answers: this answer is dropped.
                if (Affected(c, t, "DELETE FROM activities WHERE id = $id AND locked_by = $owner", ("$id", item.RowId), ("$owner", owner)) == 1)
                {
                    Deliver(c, t, responseMessage, Now);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            Finished();
        }

        orchestrationWork.Pulse();
    }

    public async Task AbandonTaskActivityWorkItemAsync(Core.TaskActivityWorkItem workItem)
    {
        var item = (SqliteActivityWorkItem)workItem;
        try
        {
            await WriteAsync((c, t) =>
                Execute(c, t, "UPDATE activities SET visible_at = $retry, locked_by = NULL WHERE id = $id AND locked_by = $owner",
                    ("$retry", Now + options.AbandonDelay.Ticks), ("$id", item.RowId), ("$owner", owner))).ConfigureAwait(false);
        }
        finally
        {
            Finished();
        }

        activityWork.Pulse();
    }
}
