using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Network;
using Workflows.Wheel.Overview;
using Workflows.Wheel.Tick;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>The network's year: every event by month with where it stands.</summary>
public sealed class WheelModel(NetworkRegistry registry, WheelOverview overview, WheelTick tick) : NetworkPageModel(registry)
{
    /// <summary>The year shown.</summary>
    public int Year { get; private set; }

    /// <summary>The year's events.</summary>
    public IReadOnlyList<WheelEventView> Events { get; private set; } = [];

    /// <summary>The drawn wheel.</summary>
    public WheelDiagram Diagram => new(Year, Registry.Today);

    /// <summary>What the start button did, if pressed.</summary>
    public string? Message { get; private set; }

    /// <summary>A month's name in Norwegian.</summary>
    public string MonthName(int month)
    {
        var name = new DateOnly(Year, month, 1).ToString("MMMM", System.Globalization.CultureInfo.GetCultureInfo(Network.Language == NetworkLanguage.Nynorsk ? "nn-NO" : "nb-NO"));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>Reads the year (this year unless <paramref name="year"/> is given).</summary>
    public async Task<IActionResult> OnGetAsync(string networkId, int? year, CancellationToken cancellation)
    {
        if (!await FindNetworkAsync(networkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        Year = year is >= 2000 and <= 2100 ? year.Value : Registry.Today.Year;
        Events = (await overview.ForAsync(networkId, Year, cancellation).ConfigureAwait(false)).Events;
        return Page();
    }

    /// <summary>
    /// Runs the wheel's daily start for this network now (what the 06:00 timer does): starts each event whose
    /// invitation day has come and that has not started; nothing twice.
    /// </summary>
    public async Task<IActionResult> OnPostTickAsync(string networkId, CancellationToken cancellation)
    {
        if (!await FindNetworkAsync(networkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        var result = await tick.RunAsync(networkId, cancellation).ConfigureAwait(false);
        var shown = await OnGetAsync(networkId, null, cancellation).ConfigureAwait(false);
        Message = result.Started.Count == 0
            ? Texts.NothingDue
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts.StartedCount, string.Join(", ", Events.Where(e => result.Started.Contains(e.InstanceId)).Select(e => e.Occurrence.Title)));
        return shown;
    }
}
