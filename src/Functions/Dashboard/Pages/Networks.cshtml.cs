using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Network;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>The networks this installation runs.</summary>
public sealed class NetworksModel(NetworkRegistry registry) : PageModel
{
    /// <summary>The networks, by name.</summary>
    public IReadOnlyList<CompetenceNetwork> Networks { get; private set; } = [];

    /// <summary>Reads them.</summary>
    public async Task OnGetAsync(CancellationToken cancellation) =>
        Networks = [.. (await registry.ListAsync<CompetenceNetwork>(null, cancellation).ConfigureAwait(false)).OrderBy(n => n.Name, StringComparer.Ordinal)];
}
