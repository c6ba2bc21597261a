using System.Globalization;

namespace Workflows.Simulation;

/// <summary>The simulation's arguments.</summary>
/// <param name="Network">The network whose year runs.</param>
/// <param name="Year">The year.</param>
/// <param name="NursesPerUnit">Made-up resource nurses per unit, when no total is given.</param>
/// <param name="Nurses">A total of made-up nurses spread over the units; 0 to use <paramref name="NursesPerUnit"/>.</param>
/// <param name="Summary">Print only the summary (for the benchmark).</param>
internal sealed record SimulationOptions(string Network, int Year, int NursesPerUnit, int Nurses, bool Summary)
{
    public static SimulationOptions? Parse(string[] args, out string error)
    {
        string? network = null;
        var year = TimeProvider.System.GetUtcNow().Year;
        var perUnit = 3;
        var total = 0;
        var summary = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--network" when value is not null:
                    network = value;
                    i++;
                    break;
                case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100:
                    year = y;
                    i++;
                    break;
                case "--nurses-per-unit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1000:
                    perUnit = n;
                    i++;
                    break;
                case "--nurses" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is >= 0 and <= 100_000:
                    total = t;
                    i++;
                    break;
                case "--summary":
                    summary = true;
                    break;
                default:
                    error = $"Not understood: '{args[i]}'{(value is null ? string.Empty : $" '{value}'")}.";
                    return null;
            }
        }

        if (network is null)
        {
            error = "--network is required (ahus, innlandet or helse-forde).";
            return null;
        }

        error = string.Empty;
        return new SimulationOptions(network, year, perUnit, total, summary);
    }
}
