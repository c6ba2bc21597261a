namespace Workflows.Network.Storage;

/// <summary>
/// Where the registry lives: SQLite as the embedded default, Azure Table Storage in Azure. Every write carries its
/// audit entry and is stored together with it, or not at all.
/// </summary>
public interface IRegistryStore : IOnceLedger
{
    /// <summary>
    /// The most items one write may put or remove: an Azure Table transaction holds 100 operations, two of which are
    /// the entity and its audit entry.
    /// </summary>
    const int MostItemsPerWrite = 98;

    /// <summary>One entity; null when there is none.</summary>
    Task<RegistryRecord?> GetAsync(string kind, string id, CancellationToken cancellation = default);

    /// <summary>All entities of a kind, of one network or of all when <paramref name="networkId"/> is null, in id order.</summary>
    Task<IReadOnlyList<RegistryRecord>> ListAsync(string kind, string? networkId, CancellationToken cancellation = default);

    /// <summary>
    /// Inserts (<see cref="RegistryRecord.Version"/> 0) or replaces the entity stored at that version, with its
    /// audit entry; returns the new version.
    /// </summary>
    /// <exception cref="RegistryConflictException">It exists already, or was changed since it was read.</exception>
    Task<long> WriteAsync(RegistryRecord record, AuditEntry audit, CancellationToken cancellation = default) =>
        WriteAsync(record, [], audit, cancellation);

    /// <summary>
    /// As <see cref="WriteAsync(RegistryRecord, AuditEntry, CancellationToken)"/>, putting and removing items of the
    /// entity in the same write: all of it is stored, or none. A write holds at most <see cref="MostItemsPerWrite"/> items.
    /// </summary>
    /// <exception cref="RegistryConflictException">It exists already, or was changed since it was read.</exception>
    Task<long> WriteAsync(RegistryRecord record, IReadOnlyList<RegistryItem> items, AuditEntry audit, CancellationToken cancellation = default);

    /// <summary>One item of an entity; null when there is none.</summary>
    Task<RegistryItem?> GetItemAsync(string kind, string id, string key, CancellationToken cancellation = default);

    /// <summary>All items of an entity, in key order.</summary>
    Task<IReadOnlyList<RegistryItem>> ListItemsAsync(string kind, string id, CancellationToken cancellation = default);

    /// <summary>Deletes the entity stored at <paramref name="version"/> and its items, with its audit entry.</summary>
    /// <exception cref="RegistryConflictException">It was changed since it was read, or is gone.</exception>
    Task DeleteAsync(string kind, string id, long version, AuditEntry audit, CancellationToken cancellation = default);

    /// <summary>The entity's audit trail, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string kind, string id, CancellationToken cancellation = default);

    /// <summary>Replaces every value in the entity's audit trail by a marker, keeping who, when and which fields.</summary>
    Task RedactAuditAsync(string kind, string id, CancellationToken cancellation = default);
}
