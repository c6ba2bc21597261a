using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    private const string InstanceColumns =
        "instance_id, execution_id, name, status, input, output, custom_status, failure, parent, created_at, last_updated_at, version";

    private const string TerminalStatuses = "(1, 3, 4, 5)";

    /// <inheritdoc />
    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default) =>
        ReadAsync(
            connection =>
            {
                using var read = Command(connection, null, $"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id");
                read.Parameters.AddWithValue("$id", instanceId);
                using var reader = read.ExecuteReader();
                return reader.Read() ? ReadInstance(reader, withInput: true) : null;
            },
            cancellation);

    /// <inheritdoc />
    public Task<Page<InstanceRecord>> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        return ReadAsync(
            connection =>
            {
                using var read = Command(connection, null, string.Empty);
                var where = new List<string>();
                AddFilters(read, where, query.CreatedFrom, query.CreatedTo, query.Statuses);
                if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
                {
                    where.Add("substr(instance_id, 1, length($prefix)) = $prefix");
                    read.Parameters.AddWithValue("$prefix", query.InstanceIdPrefix);
                }

                if (QueryToken.Decode(query.ContinuationToken) is { } after)
                {
                    where.Add("(created_at > $afterCreated OR (created_at = $afterCreated AND instance_id > $afterId))");
                    read.Parameters.AddWithValue("$afterCreated", after.CreatedTicks);
                    read.Parameters.AddWithValue("$afterId", after.Key);
                }

                read.CommandText = $"""
                    SELECT {InstanceColumns} FROM instances
                    {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty)}
                    ORDER BY created_at, instance_id LIMIT $take
                    """;
                read.Parameters.AddWithValue("$take", query.PageSize + 1);
                using var reader = read.ExecuteReader();
                var records = new List<InstanceRecord>();
                while (reader.Read())
                {
                    records.Add(ReadInstance(reader, query.FetchInputsAndOutputs));
                }

                string? next = null;
                if (records.Count > query.PageSize)
                {
                    records.RemoveAt(records.Count - 1);
                    var last = records[^1];
                    next = QueryToken.Encode(last.CreatedAt.UtcTicks, last.InstanceId);
                }

                return new Page<InstanceRecord>(records, next);
            },
            cancellation);
    }

    /// <inheritdoc />
    public Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default) =>
        WriteAsync(
            (connection, transaction) =>
            {
                using var delete = Command(connection, transaction, $"""
                    DELETE FROM instances WHERE instance_id = $id AND status IN {TerminalStatuses} RETURNING instance_id
                    """);
                delete.Parameters.AddWithValue("$id", instanceId);
                var removed = delete.ExecuteScalar() is not null;
                if (removed)
                {
                    DeleteInstanceData(connection, transaction, instanceId);
                }

                return removed ? 1 : 0;
            },
            notify: StoreChanges.Instances,
            cancellation);

    /// <inheritdoc />
    public Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return WriteAsync(
            (connection, transaction) =>
            {
                using var delete = Command(connection, transaction, string.Empty);
                var where = new List<string> { $"status IN {TerminalStatuses}" };
                AddFilters(delete, where, filter.CreatedFrom, filter.CreatedTo, filter.Statuses);
                delete.CommandText = $"DELETE FROM instances WHERE {string.Join(" AND ", where)} RETURNING instance_id";
                var removed = new List<string>();
                using (var reader = delete.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        removed.Add(reader.GetString(0));
                    }
                }

                foreach (var id in removed)
                {
                    DeleteInstanceData(connection, transaction, id);
                }

                return removed.Count;
            },
            notify: StoreChanges.Instances,
            cancellation);
    }

    private static void DeleteInstanceData(SqliteConnection connection, SqliteTransaction transaction, string instanceId)
    {
        using var delete = Command(connection, transaction, """
            DELETE FROM history WHERE instance_id = $id;
            DELETE FROM messages WHERE instance_id = $id;
            DELETE FROM activities WHERE instance_id = $id;
            """);
        delete.Parameters.AddWithValue("$id", instanceId);
        delete.ExecuteNonQuery();
    }

    private static void AddFilters(
        SqliteCommand command, List<string> where, DateTimeOffset? from, DateTimeOffset? to, IEnumerable<OrchestrationRuntimeStatus>? statuses)
    {
        if (from is { } createdFrom)
        {
            where.Add("created_at >= $from");
            command.Parameters.AddWithValue("$from", createdFrom.UtcTicks);
        }

        if (to is { } createdTo)
        {
            where.Add("created_at <= $to");
            command.Parameters.AddWithValue("$to", createdTo.UtcTicks);
        }

        var wanted = statuses?.Distinct().ToList();
        if (wanted is { Count: > 0 })
        {
            where.Add($"status IN ({string.Join(", ", wanted.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))})");
        }
    }

    private static InstanceRecord ReadInstance(SqliteDataReader reader, bool withInput)
    {
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        return new InstanceRecord
        {
            InstanceId = reader.GetString(0),
            ExecutionId = reader.GetString(1),
            Name = reader.GetString(2),
            Status = (OrchestrationRuntimeStatus)reader.GetInt32(3),
            Input = withInput ? Text(4) : null,
            Output = Text(5),
            CustomStatus = Text(6),
            Failure = EventSerializer.DeserializeRecord<TaskFailureDetails>(Text(7)),
            Parent = EventSerializer.DeserializeRecord<ParentInstance>(Text(8)),
            CreatedAt = new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero),
            Version = reader.GetInt64(11),
        };
    }
}
