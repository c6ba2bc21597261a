using System.Globalization;
using Workflows.Documents;
using Workflows.Messaging;
using Workflows.Wheel.Reports;

namespace Workflows.Functions.Documents;

/// <summary>A network's published annual report at its stable public address, open to anyone.</summary>
public static class PublishedReportEndpoints
{
    /// <summary>Maps <c>GET /reports/{network}/{year}</c>.</summary>
    public static IEndpointRouteBuilder MapPublishedReportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PublicRoutes.ReportTemplate, async (string networkId, int year, IDocumentStore documents, CancellationToken cancellation) =>
            {
                if (await documents.GetAsync(PublishedReports.PublishedKey(networkId, year), cancellation).ConfigureAwait(false) is not { } found)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No annual report {year} is published for '{networkId}'.");
                }

                return Results.File(found.Content, found.Document.ContentType, string.Create(CultureInfo.InvariantCulture, $"arsrapport-{networkId}-{year}.pdf"));
            })
            .WithTags("Published")
            .WithSummary("A network's published annual report (open to anyone).");
        return routes;
    }
}
