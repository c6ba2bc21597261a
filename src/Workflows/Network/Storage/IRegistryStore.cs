namespace Workflows.Network.Storage;

/// <summary>
/// Where the registry lives: SQLite as the embedded default, Azure Table Storage in Azure. Every write carries its
/// audit entry and is stored together with it, or not at all.
/// </summary>
public interface IRegistryStore : IOnceLedger
{
    /// <summary>One entity; null when there is none.</summary>
    Task<RegistryRecord?> GetAsync(string kind, string id, CancellationToken cancellation = default);

    /// <summary>All entities of a kind, of one network or of all when <paramref name="networkId"/> is null, in id order.</summary>
    Task<IReadOnlyList<RegistryRecord>> ListAsync(string kind, string? networkId, CancellationToken cancellation = default);

    /// <summary>
    /// Inserts (<see cref="RegistryRecord.Version"/> 0) or replaces the entity stored at that version, with its
    /// audit entry; returns the new version.
    /// </summary>
    /// <exception cref="RegistryConflictException">It exists already, or was changed since it was read.</exception>
    Task<long> WriteAsync(RegistryRecord record, AuditEntry audit, CancellationToken cancellation = default);

    /// <summary>Deletes the entity stored at <paramref name="version"/>, with its audit entry.</summary>
    /// <exception cref="RegistryConflictException">It was changed since it was read, or is gone.</exception>
    Task DeleteAsync(string kind, string id, long version, AuditEntry audit, CancellationToken cancellation = default);

    /// <summary>The entity's audit trail, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string kind, string id, CancellationToken cancellation = default);

    /// <summary>Replaces every value in the entity's audit trail by a marker, keeping who, when and which fields.</summary>
    Task RedactAuditAsync(string kind, string id, CancellationToken cancellation = default);
}
