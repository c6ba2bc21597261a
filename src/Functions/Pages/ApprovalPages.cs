using System.Globalization;
using Workflows.Documents;
using Workflows.Signing;
using Workflows.Wheel.Reports;

namespace Workflows.Functions.Pages;

/// <summary>
/// <c>/approve/{token}</c>: a working-group member approves the annual report; <c>/reports/{network}/{year}</c>:
/// the published report, open to anyone.
/// </summary>
public static class ApprovalPages
{
    /// <summary>Maps the approval page and the public report address.</summary>
    public static IEndpointRouteBuilder MapApprovalPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/approve/{token}", async (string token, ApprovalDesk desk, CancellationToken cancellation) =>
            Render(await desk.OpenAsync(token, cancellation).ConfigureAwait(false), token)).ExcludeFromDescription();
        routes.MapPost("/approve/{token}", async (string token, ApprovalDesk desk, CancellationToken cancellation) =>
            Render(await desk.ApproveAsync(token, cancellation).ConfigureAwait(false), token)).ExcludeFromDescription().DisableAntiforgery();
        routes.MapGet("/reports/{networkId}/{year:int}", async (string networkId, int year, IDocumentStore documents, CancellationToken cancellation) =>
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

    private static IResult Render(ApprovalView view, string token)
    {
        var text = PageTexts.For(view.Language);
        if (view.Outcome is not (LinkOutcome.Ready or LinkOutcome.Done))
        {
            return SigningPages.Outcome(text, view.Outcome);
        }

        var page = new HtmlPage(text.Lang, text.ApproveTitle).Element("h1", text.ApproveTitle);
        if (view.Outcome == LinkOutcome.Done)
        {
            return page.Element("p", text.Approved, "role=\"status\"").ToResult();
        }

        page.Element("p", string.Format(CultureInfo.InvariantCulture, text.ApproveIntro, view.What));
        if (view.DocumentLink is { } link)
        {
            page.Raw($"<p><a href=\"{HtmlPage.Encode(link.ToString())}\">{HtmlPage.Encode(text.Pdf)}</a></p>");
        }

        return page.Raw($"<form method=\"post\" action=\"/approve/{HtmlPage.Encode(token)}\"><button type=\"submit\">{HtmlPage.Encode(text.ApproveButton)}</button></form>")
            .ToResult();
    }
}
