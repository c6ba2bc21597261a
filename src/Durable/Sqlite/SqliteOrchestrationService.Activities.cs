using Core = DurableTask.Core;

namespace Workflows.Durable.Sqlite;

/// <summary>Activity work items: take a due one under a lease, keep it, answer it, or give it back.</summary>
internal sealed partial class SqliteOrchestrationService
{
    public async Task<Core.TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        (await PollAsync(TryLockActivityAsync, activityWork, receiveTimeout, cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// Takes a due activity. One write leases up to <see cref="ActivitiesPerTake"/> of them: the first is returned, the
    /// others wait here for the next takers, so a fan-out of thousands costs a write per few activities, not per one.
    /// </summary>
    private async Task<Core.TaskActivityWorkItem?> TryLockActivityAsync()
    {
        if (TakeTakenActivity() is { } ready)
        {
            return ready;
        }

        var taken = await WriteAsync((c, t) =>
        {
            var leaseEnd = LeaseEnd;
            var items = new List<SqliteActivityWorkItem>();
            using var reader = Reader(c, t, """
                UPDATE activities SET visible_at = $until, locked_by = $owner, attempts = attempts + 1
                WHERE id IN (SELECT id FROM activities WHERE visible_at <= $now ORDER BY visible_at, id LIMIT $count)
                RETURNING id, instance_id, execution_id, event, attempts
                """, ("$until", leaseEnd), ("$owner", owner), ("$now", Now), ("$count", ActivitiesPerTake));
            while (reader.Read())
            {
                var rowId = reader.GetInt64(0);
                items.Add(new SqliteActivityWorkItem
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
                });
            }

            return items;
        }).ConfigureAwait(false);
        if (taken.Count == 0)
        {
            return null;
        }

        foreach (var extra in taken.Skip(1))
        {
            Interlocked.Increment(ref takenActivityCount);
            takenActivities.Enqueue(extra);
        }

        if (taken.Count > 1)
        {
            Wake(activityWork, taken.Count - 1);
        }

        return taken[0];
    }

    private SqliteActivityWorkItem? TakeTakenActivity()
    {
        if (!takenActivities.TryDequeue(out var item))
        {
            return null;
        }

        Interlocked.Decrement(ref takenActivityCount);
        return item;
    }

    /// <summary>At stop, activities leased but never handed to a worker are given back at once, not when their lease runs out.</summary>
    private async Task GiveBackTakenActivitiesAsync()
    {
        while (TakeTakenActivity() is { } item)
        {
            await WriteAsync((c, t) =>
                Execute(c, t, "UPDATE activities SET visible_at = $now, locked_by = NULL, attempts = attempts - 1 WHERE id = $id AND locked_by = $owner",
                    ("$now", Now), ("$id", item.RowId), ("$owner", owner))).ConfigureAwait(false);
        }
    }

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

        Delivered(responseMessage.OrchestrationInstance.InstanceId);
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

        Wake(activityWork);
    }
}
