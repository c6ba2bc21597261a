using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Network;
using Workflows.Network.Reports;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>The name list with a filter by area, and the units without a resource nurse highlighted.</summary>
public sealed class NamesModel(NetworkRegistry registry, RegistryReports reports) : NetworkPageModel(registry)
{
    /// <summary>The network's areas, for the filter.</summary>
    public IReadOnlyList<LocalArea> Areas { get; private set; } = [];

    /// <summary>The area filtered on, if any.</summary>
    public string? AreaId { get; private set; }

    /// <summary>The active nurses.</summary>
    public IReadOnlyList<NameListRow> Rows { get; private set; } = [];

    /// <summary>Today's coverage.</summary>
    public CoverageReport Coverage { get; private set; } = null!;

    /// <summary>Reads the list and the coverage.</summary>
    public async Task<IActionResult> OnGetAsync(string networkId, string? areaId, CancellationToken cancellation)
    {
        if (!await FindNetworkAsync(networkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        Areas = [.. (await Registry.ListAsync<LocalArea>(networkId, cancellation).ConfigureAwait(false)).OrderBy(a => a.Name, StringComparer.Ordinal)];
        AreaId = Areas.Any(a => a.Id == areaId) ? areaId : null;
        Rows = await reports.NameListAsync(new NameListFilter(networkId, AreaId, null, false), cancellation).ConfigureAwait(false);
        Coverage = await reports.CoverageAsync(networkId, null, cancellation).ConfigureAwait(false);
        return Page();
    }

    /// <summary>The list as CSV for Excel (<c>names.csv</c>), as the API gives it.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string networkId, string? areaId, CancellationToken cancellation)
    {
        var result = await OnGetAsync(networkId, areaId, cancellation).ConfigureAwait(false);
        if (result is not PageResult)
        {
            return result;
        }

        var day = Registry.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(NameListCsv.Write(Rows, Network.Language), "text/csv; charset=utf-8", $"navneliste-{AreaId ?? networkId}-{day}.csv");
    }
}
