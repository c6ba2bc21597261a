namespace Workflows.Network;

/// <summary>A unit in a local area: a hospital department, nursing home, home-care zone or municipality/district.</summary>
public sealed record Unit : IRegistryEntity
{
    /// <inheritdoc />
    public static string Kind => "unit";

    /// <summary>A short lowercase id, unique across networks.</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    public required string NetworkId { get; init; }

    /// <summary>The local area the unit belongs to.</summary>
    public required string AreaId { get; init; }

    /// <summary>The unit's name.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of unit it is.</summary>
    public UnitKind UnitKind { get; init; }

    /// <summary>The municipality the unit is in (the coverage report groups by it).</summary>
    public required string Municipality { get; init; }

    /// <summary>The unit's leader: the nearest leader of its resource nurses unless a nurse names another.</summary>
    public required Person NearestLeader { get; init; }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate() =>
        RegistryChecks.Slug(nameof(Id), Id)
            .Concat(RegistryChecks.Required(nameof(NetworkId), NetworkId))
            .Concat(RegistryChecks.Required(nameof(AreaId), AreaId))
            .Concat(RegistryChecks.Required(nameof(Name), Name))
            .Concat(RegistryChecks.Required(nameof(Municipality), Municipality))
            .Concat(RegistryChecks.Person(nameof(NearestLeader), NearestLeader));
}
