using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Network;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>A dashboard page about one network: it is shown in that network's language, and is a 404 without it.</summary>
public abstract class NetworkPageModel(NetworkRegistry registry) : PageModel
{
    /// <summary>The network.</summary>
    public CompetenceNetwork Network { get; private set; } = null!;

    /// <summary>The layout's words, in the network's language.</summary>
    public DashboardTexts Texts => DashboardTexts.For(Network.Language);

    /// <summary>The registry.</summary>
    protected NetworkRegistry Registry => registry;

    /// <summary>Reads the network into <see cref="Network"/>; false when there is no such network.</summary>
    protected async Task<bool> FindNetworkAsync(string networkId, CancellationToken cancellation)
    {
        if (await registry.FindAsync<CompetenceNetwork>(networkId, cancellation).ConfigureAwait(false) is not { } network)
        {
            return false;
        }

        Network = network.Entity;
        return true;
    }
}
