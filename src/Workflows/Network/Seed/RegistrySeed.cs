using System.Text.Json;
using Workflows.Network.Storage;

namespace Workflows.Network.Seed;

/// <summary>
/// The three networks of the source documents (Ahus, Innlandet, Helse Førde) with their local areas and a few units
/// each, so a fresh installation has something to register nurses in. People and addresses are placeholders on
/// <c>.example</c> domains that the network leader replaces.
/// </summary>
public static class RegistrySeed
{
    /// <summary>The actor the seed's audit entries name.</summary>
    public const string Actor = "seed";

    /// <summary>Adds the seed when the registry has no networks; true when it did.</summary>
    public static async Task<bool> SeedWhenEmptyAsync(NetworkRegistry registry, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if ((await registry.ListAsync<CompetenceNetwork>(null, cancellation).ConfigureAwait(false)).Count > 0)
        {
            return false;
        }

        var seed = Read();
        foreach (var network in seed.Networks)
        {
            await registry.CreateAsync(network, Actor, cancellation).ConfigureAwait(false);
        }

        foreach (var area in seed.Areas)
        {
            await registry.CreateAsync(area, Actor, cancellation).ConfigureAwait(false);
        }

        foreach (var unit in seed.Units)
        {
            await registry.CreateAsync(unit, Actor, cancellation).ConfigureAwait(false);
        }

        return true;
    }

    private static SeedFile Read()
    {
        using var stream = typeof(RegistrySeed).Assembly.GetManifestResourceStream("Workflows.Seed.networks.json")
            ?? throw new InvalidOperationException("The registry seed is missing from the assembly.");
        return JsonSerializer.Deserialize<SeedFile>(stream, RegistryJson.Options) ?? throw new InvalidDataException("The registry seed is empty.");
    }

    private sealed record SeedFile(IReadOnlyList<CompetenceNetwork> Networks, IReadOnlyList<LocalArea> Areas, IReadOnlyList<Unit> Units);
}
