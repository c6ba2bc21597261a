using System.Globalization;
using Workflows.Functions.Security;
using Workflows.Network;
using Workflows.Network.Reports;

namespace Workflows.Functions.Api.Network;

/// <summary>The name list (JSON or CSV for Excel) and the coverage report of a network.</summary>
public static class ReportEndpoints
{
    /// <summary>Maps <c>/api/networks/{id}/name-list</c> and <c>/api/networks/{id}/coverage</c>.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/networks/{networkId}").AddEndpointFilter<FunctionKeyFilter>().WithTags("Reports");
        api.MapGet("/name-list", NameListAsync)
            .WithSummary("Active resource nurses by area and unit; ?areaId=, ?unitId=, ?includeInactive=true; ?format=csv (or Accept: text/csv) for Excel.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/coverage", CoverageAsync)
            .WithSummary("Units with no active resource nurse, by municipality and area; ?asOf=yyyy-MM-dd for another day.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> NameListAsync(
        string networkId, string? areaId, string? unitId, bool? includeInactive, string? format, HttpContext http,
        RegistryReports reports, NetworkRegistry registry, CancellationToken cancellation)
    {
        var rows = await reports.NameListAsync(new NameListFilter(networkId, areaId, unitId, includeInactive ?? false), cancellation).ConfigureAwait(false);
        var wantsCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (format is not null && !wantsCsv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unknown format '{format}': use json or csv.");
        }

        if (!wantsCsv)
        {
            return Results.Json(rows, ApiJson.Options);
        }

        var network = (await registry.GetAsync<CompetenceNetwork>(networkId, cancellation).ConfigureAwait(false)).Entity;
        var scope = unitId ?? areaId ?? networkId;
        var day = registry.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Results.File(NameListCsv.Write(rows, network.Language), "text/csv; charset=utf-8", $"navneliste-{scope}-{day}.csv");
    }

    private static async Task<IResult> CoverageAsync(string networkId, string? asOf, RegistryReports reports, CancellationToken cancellation)
    {
        DateOnly? day = null;
        if (asOf is not null)
        {
            day = DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new ArgumentException($"asOf '{asOf}' is not a date (yyyy-MM-dd).");
        }

        return Results.Json(await reports.CoverageAsync(networkId, day, cancellation).ConfigureAwait(false), ApiJson.Options);
    }
}
