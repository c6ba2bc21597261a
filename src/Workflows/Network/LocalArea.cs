namespace Workflows.Network;

/// <summary>A local area (lokalt område / lokalgruppe) of a network, with the leader who holds its gatherings.</summary>
public sealed record LocalArea : IRegistryEntity
{
    /// <inheritdoc />
    public static string Kind => "area";

    /// <summary>A short lowercase id, unique across networks, such as <c>forde-sogn</c>.</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    public required string NetworkId { get; init; }

    /// <summary>The area's name.</summary>
    public required string Name { get; init; }

    /// <summary>The area leader, told when a nurse of the area resigns.</summary>
    public required Person AreaLeader { get; init; }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate() =>
        RegistryChecks.Slug(nameof(Id), Id)
            .Concat(RegistryChecks.Required(nameof(NetworkId), NetworkId))
            .Concat(RegistryChecks.Required(nameof(Name), Name))
            .Concat(RegistryChecks.Person(nameof(AreaLeader), AreaLeader));
}
