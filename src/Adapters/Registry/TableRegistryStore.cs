using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Workflows.Network.Storage;

namespace Workflows.Adapters.Registry;

/// <summary>
/// The registry on Azure Table Storage. One partition per entity kind holds the entities (<c>e|{id}</c>), their items
/// (<c>i|{id}|{key}</c>) and their audit trail (<c>a|{id}|{seq}</c>), so an entity, the items a write changes and its
/// audit entry commit in one table transaction. A removed item is kept as a marked row, so removing one that is not
/// there cannot fail the transaction. A deleted
/// entity leaves a tombstone that keeps its audit sequence, so a trail stays in order across delete and re-create.
/// Once-only keys live in partitions <c>once|{scope}</c>.
/// </summary>
public sealed class TableRegistryStore : IRegistryStore, IDisposable
{
    private const string EntityPrefix = "e|";
    private const string AuditPrefix = "a|";
    private const string ItemPrefix = "i|";
    private const string OncePrefix = "once|";

    private readonly TableClient table;
    private readonly SemaphoreSlim createGate = new(1, 1);
    private volatile bool created;

    /// <summary>Creates a store over the table <paramref name="tableName"/> (created on first use when missing).</summary>
    public TableRegistryStore(TableServiceClient service, string tableName = "Registry")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        table = service.GetTableClient(tableName);
    }

    /// <inheritdoc />
    public void Dispose() => createGate.Dispose();

    /// <inheritdoc />
    public async Task<RegistryRecord?> GetAsync(string kind, string id, CancellationToken cancellation = default)
    {
        var row = await ReadEntityRowAsync(kind, id, cancellation).ConfigureAwait(false);
        return row is null || IsDeleted(row) ? null : ToRecord(kind, row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRecord>> ListAsync(string kind, string? networkId, CancellationToken cancellation = default)
    {
        await EnsureTableAsync(cancellation).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(kind)} and RowKey ge {EntityPrefix} and RowKey lt {KeyRangeEnd(EntityPrefix)} and Deleted eq false");
        if (networkId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"NetworkId eq {networkId}");
        }

        var records = new List<RegistryRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation).ConfigureAwait(false))
        {
            records.Add(ToRecord(kind, row));
        }

        // Rows come in key order, which escaping keeps for ids; sorting again makes it the contract's ordinal order.
        records.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return records;
    }

    /// <inheritdoc />
    public async Task<RegistryItem?> GetItemAsync(string kind, string id, string key, CancellationToken cancellation = default)
    {
        await EnsureTableAsync(cancellation).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(kind), ItemKeyPrefix(id) + TableKeys.Escape(key), cancellationToken: cancellation).ConfigureAwait(false);
        return row.HasValue && row.Value is { } found && !IsDeleted(found) ? ToItem(found) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryItem>> ListItemsAsync(string kind, string id, CancellationToken cancellation = default)
    {
        var items = new List<RegistryItem>();
        await foreach (var row in QueryItemRowsAsync(kind, id, cancellation).ConfigureAwait(false))
        {
            if (!IsDeleted(row))
            {
                items.Add(ToItem(row));
            }
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return items;
    }

    /// <inheritdoc />
    public async Task<long> WriteAsync(RegistryRecord record, IReadOnlyList<RegistryItem> items, AuditEntry audit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(audit);
        RegistryItems.CheckWrite(items);
        var existing = await ReadEntityRowAsync(record.Kind, record.Id, cancellation).ConfigureAwait(false);
        var live = existing is not null && !IsDeleted(existing);
        if (record.Version == 0 ? live : !live || existing!.GetInt64("Version") != record.Version)
        {
            throw Conflict(record.Kind, record.Id, record.Version);
        }

        var next = record.Version + 1;
        var sequence = (existing?.GetInt64("AuditSeq") ?? 0) + 1;
        var row = new TableEntity(TableKeys.Escape(record.Kind), EntityKey(record.Id))
        {
            ["Id"] = record.Id,
            ["NetworkId"] = record.NetworkId,
            ["Version"] = next,
            ["AuditSeq"] = sequence,
            ["Deleted"] = false,
        };
        LongText.Write(row, "Json", record.Json);
        var write = existing is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, existing.ETag);
        var itemWrites = items.Select(item => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ItemRow(record.Kind, record.Id, item)));
        await CommitAsync([write, .. itemWrites], audit, sequence, record.Kind, record.Id, record.Version, cancellation).ConfigureAwait(false);
        return next;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string kind, string id, long version, AuditEntry audit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var existing = await ReadEntityRowAsync(kind, id, cancellation).ConfigureAwait(false);
        if (existing is null || IsDeleted(existing) || existing.GetInt64("Version") != version)
        {
            throw Conflict(kind, id, version);
        }

        // The items go first, in transactions of their own (an entity may have more than one holds): a delete that
        // stops half-way leaves the entity standing with fewer items, never items of an entity that is gone.
        var itemDeletes = new List<TableTransactionAction>();
        await foreach (var row in QueryItemRowsAsync(kind, id, cancellation).ConfigureAwait(false))
        {
            itemDeletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
        }

        foreach (var chunk in itemDeletes.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, cancellation).ConfigureAwait(false);
        }

        var sequence = existing.GetInt64("AuditSeq")!.Value + 1;
        var tombstone = new TableEntity(existing.PartitionKey, existing.RowKey)
        {
            ["Id"] = id,
            ["NetworkId"] = existing.GetString("NetworkId"),
            ["Version"] = 0L,
            ["AuditSeq"] = sequence,
            ["Deleted"] = true,
        };
        await CommitAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, tombstone, existing.ETag)], audit, sequence, kind, id, version, cancellation)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string kind, string id, CancellationToken cancellation = default)
    {
        var entries = new List<AuditEntry>();
        await foreach (var row in QueryAuditAsync(kind, id, cancellation).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                row.GetDateTimeOffset("At")!.Value,
                row.GetString("Actor"),
                kind,
                id,
                row.GetString("NetworkId"),
                row.GetString("Action"),
                AuditChanges.Parse(LongText.Read(row, "Changes"))));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task RedactAuditAsync(string kind, string id, CancellationToken cancellation = default)
    {
        var updates = new List<TableTransactionAction>();
        await foreach (var row in QueryAuditAsync(kind, id, cancellation).ConfigureAwait(false))
        {
            // Replaced whole, not merged: a merge would keep the parts of the old text beyond the new text's length.
            var redacted = AuditRow(
                row.PartitionKey,
                row.RowKey,
                row.GetDateTimeOffset("At")!.Value,
                row.GetString("Actor"),
                row.GetString("NetworkId"),
                row.GetString("Action"),
                AuditChanges.Redact(AuditChanges.Parse(LongText.Read(row, "Changes"))));
            updates.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, redacted));
        }

        // A table transaction holds at most 100 operations; redacting again is harmless, so chunks may be retried.
        foreach (var chunk in updates.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, cancellation).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordOnceAsync(string scope, string key, CancellationToken cancellation = default)
    {
        await EnsureTableAsync(cancellation).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(OncePrefix + TableKeys.Escape(scope), TableKeys.Escape(key)), cancellation).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<bool> WasRecordedAsync(string scope, string key, CancellationToken cancellation = default)
    {
        await EnsureTableAsync(cancellation).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            OncePrefix + TableKeys.Escape(scope), TableKeys.Escape(key), ["PartitionKey"], cancellation).ConfigureAwait(false);
        return row.HasValue;
    }

    private static string EntityKey(string id) => EntityPrefix + TableKeys.Escape(id);

    private static string AuditKeyPrefix(string id) => AuditPrefix + TableKeys.Escape(id) + "|";

    /// <summary>Items' keys start with their entity's id, its '|' escaped too: no entity's items begin another's.</summary>
    private static string ItemKeyPrefix(string id) => ItemPrefix + TableKeys.Escape(id).Replace("|", "%007C", StringComparison.Ordinal) + "|";

    private static TableEntity ItemRow(string kind, string id, RegistryItem item)
    {
        var row = new TableEntity(TableKeys.Escape(kind), ItemKeyPrefix(id) + TableKeys.Escape(item.Key)) { ["Key"] = item.Key, ["Deleted"] = item.Json is null };
        if (item.Json is not null)
        {
            LongText.Write(row, "Json", item.Json);
        }

        return row;
    }

    private static RegistryItem ToItem(TableEntity row) => new(row.GetString("Key"), LongText.Read(row, "Json"));

    /// <summary>The smallest key above every key that starts with <paramref name="prefix"/> (its last '|' raised to '}').</summary>
    private static string KeyRangeEnd(string prefix) => prefix[..^1] + "}";

    private static bool IsDeleted(TableEntity row) => row.GetBoolean("Deleted") == true;

    private static RegistryRecord ToRecord(string kind, TableEntity row) =>
        new(kind, row.GetString("Id"), row.GetString("NetworkId"), LongText.Read(row, "Json"), row.GetInt64("Version")!.Value);

    private static RegistryConflictException Conflict(string kind, string id, long version) => version == 0
        ? new RegistryConflictException($"A {kind} with id '{id}' exists already.")
        : new RegistryConflictException($"The {kind} '{id}' was changed or deleted since it was read; read it again.");

    private static TableEntity AuditRow(
        string partition, string rowKey, DateTimeOffset at, string actor, string networkId, string action, IReadOnlyDictionary<string, AuditChange> changes)
    {
        var row = new TableEntity(partition, rowKey) { ["At"] = at, ["Actor"] = actor, ["NetworkId"] = networkId, ["Action"] = action };
        LongText.Write(row, "Changes", AuditChanges.Serialize(changes));
        return row;
    }

    private async Task<TableEntity?> ReadEntityRowAsync(string kind, string id, CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(kind), EntityKey(id), cancellationToken: cancellation).ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }

    private IAsyncEnumerable<TableEntity> QueryAuditAsync(string kind, string id, CancellationToken cancellation) =>
        QueryRowsStartingAsync(kind, AuditKeyPrefix(id), cancellation);

    private IAsyncEnumerable<TableEntity> QueryItemRowsAsync(string kind, string id, CancellationToken cancellation) =>
        QueryRowsStartingAsync(kind, ItemKeyPrefix(id), cancellation);

    private IAsyncEnumerable<TableEntity> QueryRowsStartingAsync(string kind, string prefix, CancellationToken cancellation) =>
        QueryAfterCreateAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(kind)} and RowKey ge {prefix} and RowKey lt {KeyRangeEnd(prefix)}"), cancellation);

    private async IAsyncEnumerable<TableEntity> QueryAfterCreateAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await EnsureTableAsync(cancellation).ConfigureAwait(false);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private async Task CommitAsync(
        IReadOnlyList<TableTransactionAction> writes, AuditEntry audit, long sequence, string kind, string id, long version, CancellationToken cancellation)
    {
        var auditRow = AuditRow(
            TableKeys.Escape(kind),
            AuditKeyPrefix(id) + sequence.ToString("D19", CultureInfo.InvariantCulture),
            audit.At,
            audit.Actor,
            audit.NetworkId,
            audit.Action,
            audit.Changes);
        try
        {
            await table.SubmitTransactionAsync([.. writes, new TableTransactionAction(TableTransactionActionType.Add, auditRow)], cancellation).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // Another writer got there first: its entity row (ETag) or its audit row (same sequence) won.
            throw Conflict(kind, id, version);
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellation)
    {
        if (created)
        {
            return;
        }

        await createGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (!created)
            {
                await table.CreateIfNotExistsAsync(cancellation).ConfigureAwait(false);
                created = true;
            }
        }
        finally
        {
            createGate.Release();
        }
    }
}
