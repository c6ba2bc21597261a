using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace Workflows.Durable.Storage.Azure;

public sealed partial class AzureOrchestrationStore
{
    /// <inheritdoc />
    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var state = await ReadStateAsync(AzureKeys.Partition(instanceId), cancellation).ConfigureAwait(false);
        return state is null ? null : await rows.ReadInstanceAsync(state, instanceId, withInput: true, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a page in creation order. Table Storage filters on the server but cannot sort, so each page reads
    /// every matching state row; fine for the thousands of instances a network has, not for millions.
    /// </summary>
    public async Task<Page<InstanceRecord>> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var after = QueryToken.Decode(query.ContinuationToken);
        var matches = await FindStatesAsync(query.CreatedFrom, query.CreatedTo, query.Statuses, cancellation).ConfigureAwait(false);
        var prefix = string.IsNullOrEmpty(query.InstanceIdPrefix) ? null : AzureKeys.Partition(query.InstanceIdPrefix);
        var page = matches
            .Where(s => prefix is null || s.PartitionKey.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => (State: s, Created: s.GetInt64("CreatedAt") ?? 0))
            .Where(s => after is null || s.Created > after.Value.CreatedTicks
                || (s.Created == after.Value.CreatedTicks && string.CompareOrdinal(s.State.PartitionKey, after.Value.Key) > 0))
            .OrderBy(s => s.Created)
            .ThenBy(s => s.State.PartitionKey, StringComparer.Ordinal)
            .Take(query.PageSize + 1)
            .ToList();
        var records = new List<InstanceRecord>();
        foreach (var (state, _) in page.Take(query.PageSize))
        {
            var record = await rows.ReadInstanceAsync(state, InstanceIdOf(state), query.FetchInputsAndOutputs, cancellation).ConfigureAwait(false);
            records.Add(query.FetchInputsAndOutputs ? record : record with { Output = null, CustomStatus = null });
        }

        string? next = null;
        if (page.Count > query.PageSize)
        {
            var last = page[query.PageSize - 1];
            next = QueryToken.Encode(last.Created, last.State.PartitionKey);
        }

        return new Page<InstanceRecord>(records, next);
    }

    /// <inheritdoc />
    public async Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var partition = AzureKeys.Partition(instanceId);
        for (var attempt = 1; ; attempt++)
        {
            var state = await ReadStateAsync(partition, cancellation).ConfigureAwait(false);
            if (state is null || !((OrchestrationRuntimeStatus)(state.GetInt32("Status") ?? 0)).IsTerminal())
            {
                return 0;
            }

            try
            {
                // The state row goes first (if unchanged), so a half-finished purge leaves rows no one reads.
                await instances.DeleteEntityAsync(partition, AzureKeys.State, state.ETag, cancellation).ConfigureAwait(false);
                break;
            }
            catch (global::Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                return 0;
            }
            catch (global::Azure.RequestFailedException ex) when (ex.Status == 412)
            {
                // A worker leased the finished instance for a late message (it stays finished): read it again.
                if (attempt == 5)
                {
                    return 0;
                }
            }
        }

        await DeleteRowsAsync(partition, keepState: false, cancellation).ConfigureAwait(false);
        await rows.Payloads.DeleteInstanceAsync(partition, cancellation).ConfigureAwait(false);
        Signals.Notify(StoreChanges.Instances);
        return 1;
    }

    /// <inheritdoc />
    public async Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var purged = 0;
        foreach (var state in await FindStatesAsync(filter.CreatedFrom, filter.CreatedTo, filter.Statuses, cancellation).ConfigureAwait(false))
        {
            purged += await PurgeInstanceAsync(InstanceIdOf(state), cancellation).ConfigureAwait(false);
        }

        return purged;
    }

    private async Task<List<TableEntity>> FindStatesAsync(
        DateTimeOffset? from, DateTimeOffset? to, IEnumerable<OrchestrationRuntimeStatus>? statuses, CancellationToken cancellation)
    {
        var filter = new StringBuilder(TableClient.CreateQueryFilter($"RowKey eq {AzureKeys.State}"));
        if (from is { } createdFrom)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"CreatedAt ge {createdFrom.UtcTicks}"));
        }

        if (to is { } createdTo)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"CreatedAt le {createdTo.UtcTicks}"));
        }

        var wanted = statuses?.Distinct().ToList();
        if (wanted is { Count: > 0 })
        {
            filter.Append(" and (").AppendJoin(" or ", wanted.Select(s => TableClient.CreateQueryFilter($"Status eq {(int)s}"))).Append(')');
        }

        var found = new List<TableEntity>();
        await foreach (var state in instances.QueryAsync<TableEntity>(filter.ToString(), cancellationToken: cancellation).ConfigureAwait(false))
        {
            found.Add(state);
        }

        return found;
    }

    /// <summary>The instance id a state row belongs to (the partition key, unescaped).</summary>
    private static string InstanceIdOf(TableEntity state) => UnescapePartition(state.PartitionKey);

    private static string UnescapePartition(string partition)
    {
        if (!partition.Contains('%', StringComparison.Ordinal))
        {
            return partition;
        }

        var builder = new StringBuilder(partition.Length);
        for (var i = 0; i < partition.Length; i++)
        {
            if (partition[i] == '%' && i + 4 < partition.Length
                && int.TryParse(partition.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(partition[i]);
            }
        }

        return builder.ToString();
    }
}
