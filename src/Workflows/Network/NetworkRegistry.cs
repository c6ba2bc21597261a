using System.Security.Cryptography;
using System.Text.Json;
using Workflows.Network.Storage;

namespace Workflows.Network;

/// <summary>
/// The network registry: networks, local areas, units and resource nurses, each write checked (fields and
/// references) and audited. Operators reach it through the API; orchestrations through their activities.
/// </summary>
public sealed class NetworkRegistry(IRegistryStore store, TimeProvider time)
{
    /// <summary>The store underneath, for the once-only keys the signing links and email senders share.</summary>
    public IRegistryStore Store => store;

    /// <summary>One entity with its version; null when there is none.</summary>
    public async Task<Versioned<T>?> FindAsync<T>(string id, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
    {
        var record = await store.GetAsync(T.Kind, id, cancellation).ConfigureAwait(false);
        return record is null ? null : new Versioned<T>(Deserialize<T>(record.Json), record.Version);
    }

    /// <summary>One entity with its version.</summary>
    /// <exception cref="RegistryNotFoundException">There is none.</exception>
    public async Task<Versioned<T>> GetAsync<T>(string id, CancellationToken cancellation = default)
        where T : class, IRegistryEntity =>
        await FindAsync<T>(id, cancellation).ConfigureAwait(false) ?? throw new RegistryNotFoundException(T.Kind, id);

    /// <summary>All entities of a kind in a network (all networks when null), in id order.</summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(string? networkId, CancellationToken cancellation = default)
        where T : class, IRegistryEntity =>
        (await store.ListAsync(T.Kind, networkId, cancellation).ConfigureAwait(false)).Select(r => Deserialize<T>(r.Json)).ToList();

    /// <summary>Stores a new entity after checking it and what it refers to.</summary>
    /// <exception cref="RegistryValidationException">A field or reference is wrong.</exception>
    /// <exception cref="RegistryConflictException">An entity with that id exists already.</exception>
    public async Task<Versioned<T>> CreateAsync<T>(T entity, string actor, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        await CheckAsync(entity, cancellation).ConfigureAwait(false);
        var json = Serialize(entity);
        var version = await store.WriteAsync(
            new RegistryRecord(T.Kind, entity.Id, entity.NetworkId, json, 0),
            Audit<T>(entity, actor, "created", null, json),
            cancellation).ConfigureAwait(false);
        return new Versioned<T>(entity, version);
    }

    /// <summary>Replaces an entity stored at <paramref name="version"/> (the latest when null) after checking it.</summary>
    /// <exception cref="RegistryNotFoundException">There is no such entity.</exception>
    /// <exception cref="RegistryValidationException">A field or reference is wrong.</exception>
    /// <exception cref="RegistryConflictException">It was changed since that version.</exception>
    public async Task<Versioned<T>> UpdateAsync<T>(T entity, long? version, string actor, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var stored = await store.GetAsync(T.Kind, entity.Id, cancellation).ConfigureAwait(false) ?? throw new RegistryNotFoundException(T.Kind, entity.Id);
        RequireVersion<T>(stored, version);

        await CheckAsync(entity, cancellation).ConfigureAwait(false);
        var json = Serialize(entity);
        var next = await store.WriteAsync(
            stored with { NetworkId = entity.NetworkId, Json = json },
            Audit<T>(entity, actor, "updated", stored.Json, json),
            cancellation).ConfigureAwait(false);
        return new Versioned<T>(entity, next);
    }

    /// <summary>
    /// Reads the entity, applies <paramref name="change"/> and writes it back, reading again if another writer got
    /// there first: for orchestration activities, whose changes are small and must not be lost.
    /// </summary>
    public Task<T> ChangeAsync<T>(string id, Func<T, T> change, string actor, string action = "updated", CancellationToken cancellation = default)
        where T : class, IRegistryEntity =>
        ChangeAsync(id, change, actor, action, maxAttempts: 6, cancellation);

    /// <summary>
    /// As <see cref="ChangeAsync{T}(string, Func{T, T}, string, string, CancellationToken)"/>, reading again up to
    /// <paramref name="maxAttempts"/> times: many people may change one entity at once (a course's seats).
    /// </summary>
    public async Task<T> ChangeAsync<T>(string id, Func<T, T> change, string actor, string action, int maxAttempts, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(T.Kind, id, cancellation).ConfigureAwait(false) ?? throw new RegistryNotFoundException(T.Kind, id);
            var changed = change(Deserialize<T>(stored.Json));
            var json = Serialize(changed);
            if (json == stored.Json)
            {
                return changed;
            }

            try
            {
                await store.WriteAsync(stored with { Json = json }, Audit<T>(changed, actor, action, stored.Json, json), cancellation).ConfigureAwait(false);
                return changed;
            }
            catch (RegistryConflictException) when (attempt < maxAttempts)
            {
            }
        }
    }

    /// <summary>One item of an entity's collection (see <see cref="RegistryItem"/>); null when there is none.</summary>
    public async Task<TItem?> FindItemAsync<T, TItem>(string id, string key, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
        where TItem : class =>
        await store.GetItemAsync(T.Kind, id, key, cancellation).ConfigureAwait(false) is { Json: { } json } ? DeserializeItem<TItem>(json) : null;

    /// <summary>All items of an entity's collection, in key order.</summary>
    public async Task<IReadOnlyList<TItem>> ListItemsAsync<T, TItem>(string id, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
        where TItem : class =>
        [.. (await store.ListItemsAsync(T.Kind, id, cancellation).ConfigureAwait(false)).Select(i => DeserializeItem<TItem>(i.Json!))];

    /// <summary>
    /// Writes <paramref name="entity"/> over the version read (0 to create it) with items put (a value) or removed
    /// (null), all or nothing, audited with <paramref name="changes"/>: the caller knows what the change means, and
    /// its items are not part of the entity's text to compare. Not checked against references: for entities that
    /// have none.
    /// </summary>
    /// <exception cref="RegistryValidationException">A field is wrong.</exception>
    /// <exception cref="RegistryConflictException">It was changed since that version (or exists, when creating).</exception>
    public async Task<Versioned<T>> WriteAsync<T, TItem>(
        T entity, long version, IReadOnlyList<KeyValuePair<string, TItem?>> items, IReadOnlyDictionary<string, AuditChange> changes, string actor, string action, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
        where TItem : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(items);
        if (entity.Validate().ToList() is { Count: > 0 } faults)
        {
            throw new RegistryValidationException(faults);
        }

        var next = await store.WriteAsync(
            new RegistryRecord(T.Kind, entity.Id, entity.NetworkId, Serialize(entity), version),
            [.. items.Select(i => new RegistryItem(i.Key, i.Value is null ? null : JsonSerializer.Serialize(i.Value, RegistryJson.Options)))],
            Audit(entity, actor, action, changes),
            cancellation).ConfigureAwait(false);
        return new Versioned<T>(entity, next);
    }

    /// <summary>Deletes an entity that nothing refers to any more.</summary>
    /// <exception cref="RegistryNotFoundException">There is no such entity.</exception>
    /// <exception cref="RegistryConflictException">Something still refers to it, or it changed since <paramref name="version"/>.</exception>
    public async Task DeleteAsync<T>(string id, long? version, string actor, CancellationToken cancellation = default)
        where T : class, IRegistryEntity
    {
        var stored = await store.GetAsync(T.Kind, id, cancellation).ConfigureAwait(false) ?? throw new RegistryNotFoundException(T.Kind, id);
        RequireVersion<T>(stored, version);

        var entity = Deserialize<T>(stored.Json);
        if (await DependentsAsync(entity, cancellation).ConfigureAwait(false) is { } dependents)
        {
            throw new RegistryConflictException($"The {T.Kind} '{id}' still has {dependents}; move or delete them first.");
        }

        await store.DeleteAsync(T.Kind, id, stored.Version, Audit<T>(entity, actor, "deleted", stored.Json, null), cancellation).ConfigureAwait(false);
    }

    /// <summary>The audit trail of an entity, oldest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditTrailAsync<T>(string id, CancellationToken cancellation = default)
        where T : class, IRegistryEntity => store.ReadAuditAsync(T.Kind, id, cancellation);

    /// <summary>
    /// Deletes a resigned nurse's personal data (name, email, phone, own leader) and redacts it from the audit
    /// trail; the service record (unit, dates, courses, signed document) stays.
    /// </summary>
    public async Task<ResourceNurse> EraseNurseAsync(string nurseId, string actor, CancellationToken cancellation = default)
    {
        var erased = await ChangeAsync<ResourceNurse>(
            nurseId,
            nurse => nurse with { Name = null, Email = null, Phone = null, NearestLeader = null, Status = NurseStatus.Erased },
            actor,
            "erased",
            cancellation).ConfigureAwait(false);
        await store.RedactAuditAsync(ResourceNurse.Kind, nurseId, cancellation).ConfigureAwait(false);
        return erased;
    }

    /// <summary>A new nurse id: <c>rn-</c> and ten lowercase letters and digits.</summary>
    public static string NewNurseId()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return "rn-" + string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    /// <summary>The nurse with network, area, unit and nearest leader.</summary>
    /// <exception cref="RegistryNotFoundException">The nurse, or what it refers to, does not exist.</exception>
    public async Task<NurseContext> ContextOfAsync(string nurseId, CancellationToken cancellation = default)
    {
        var nurse = (await GetAsync<ResourceNurse>(nurseId, cancellation).ConfigureAwait(false)).Entity;
        var unit = (await GetAsync<Unit>(nurse.UnitId, cancellation).ConfigureAwait(false)).Entity;
        var area = (await GetAsync<LocalArea>(unit.AreaId, cancellation).ConfigureAwait(false)).Entity;
        var network = (await GetAsync<CompetenceNetwork>(nurse.NetworkId, cancellation).ConfigureAwait(false)).Entity;
        return new NurseContext(network, area, unit, nurse, nurse.LeaderIn(unit));
    }

    /// <summary>Today in Norway, the day the registry's dates are counted in.</summary>
    public DateOnly Today => NorwegianTime.Today(time);

    private static void RequireVersion<T>(RegistryRecord stored, long? version)
        where T : class, IRegistryEntity
    {
        if (version is { } expected && expected != stored.Version)
        {
            throw new RegistryConflictException($"The {T.Kind} '{stored.Id}' is at version {stored.Version}, not {expected}; read it again.");
        }
    }

    private async Task CheckAsync<T>(T entity, CancellationToken cancellation)
        where T : class, IRegistryEntity
    {
        var faults = entity.Validate().ToList();
        switch (entity)
        {
            case LocalArea area:
                await RequireAsync<CompetenceNetwork>(nameof(area.NetworkId), area.NetworkId, faults, cancellation).ConfigureAwait(false);
                break;
            case Unit unit:
                if (await RequireAsync<LocalArea>(nameof(unit.AreaId), unit.AreaId, faults, cancellation).ConfigureAwait(false) is { } areaOfUnit && areaOfUnit.NetworkId != unit.NetworkId)
                {
                    faults.Add(new(nameof(unit.AreaId), $"The area '{unit.AreaId}' belongs to the network '{areaOfUnit.NetworkId}', not '{unit.NetworkId}'."));
                }

                break;
            case ResourceNurse nurse:
                if (await RequireAsync<Unit>(nameof(nurse.UnitId), nurse.UnitId, faults, cancellation).ConfigureAwait(false) is { } unitOfNurse && unitOfNurse.NetworkId != nurse.NetworkId)
                {
                    faults.Add(new(nameof(nurse.UnitId), $"The unit '{nurse.UnitId}' belongs to the network '{unitOfNurse.NetworkId}', not '{nurse.NetworkId}'."));
                }

                break;
        }

        if (faults.Count > 0)
        {
            throw new RegistryValidationException(faults);
        }
    }

    private async Task<TRef?> RequireAsync<TRef>(string field, string? id, List<KeyValuePair<string, string>> faults, CancellationToken cancellation)
        where TRef : class, IRegistryEntity
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var found = await FindAsync<TRef>(id, cancellation).ConfigureAwait(false);
        if (found is null)
        {
            faults.Add(new(field, $"There is no {TRef.Kind} with id '{id}'."));
        }

        return found?.Entity;
    }

    private async Task<string?> DependentsAsync<T>(T entity, CancellationToken cancellation)
        where T : class, IRegistryEntity
    {
        switch (entity)
        {
            case CompetenceNetwork network:
                var areas = await ListAsync<LocalArea>(network.Id, cancellation).ConfigureAwait(false);
                return areas.Count > 0 ? $"{areas.Count} local area(s)" : null;
            case LocalArea area:
                var units = (await ListAsync<Unit>(area.NetworkId, cancellation).ConfigureAwait(false)).Count(u => u.AreaId == area.Id);
                return units > 0 ? $"{units} unit(s)" : null;
            case Unit unit:
                var nurses = (await ListAsync<ResourceNurse>(unit.NetworkId, cancellation).ConfigureAwait(false)).Count(n => n.UnitId == unit.Id);
                return nurses > 0 ? $"{nurses} resource nurse(s) on record" : null;
            default:
                return null;
        }
    }

    private AuditEntry Audit<T>(T entity, string actor, string action, string? before, string? after)
        where T : class, IRegistryEntity =>
        Audit(entity, actor, action, AuditChanges.Between(before, after));

    private AuditEntry Audit<T>(T entity, string actor, string action, IReadOnlyDictionary<string, AuditChange> changes)
        where T : class, IRegistryEntity =>
        new(time.GetUtcNow(), actor, T.Kind, entity.Id, entity.NetworkId, action, changes);

    private static string Serialize<T>(T entity) => JsonSerializer.Serialize(entity, RegistryJson.Options);

    private static TItem DeserializeItem<TItem>(string json)
        where TItem : class =>
        JsonSerializer.Deserialize<TItem>(json, RegistryJson.Options) ?? throw new InvalidDataException($"A stored {typeof(TItem).Name} is empty.");

    private static T Deserialize<T>(string json)
        where T : class, IRegistryEntity =>
        JsonSerializer.Deserialize<T>(json, RegistryJson.Options) ?? throw new InvalidDataException($"A stored {T.Kind} is empty.");
}
