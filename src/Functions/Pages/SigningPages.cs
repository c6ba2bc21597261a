using System.Globalization;
using System.Net;
using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Functions.Pages;

/// <summary><c>/sign/{token}</c>: the function description and the statement, and a button that signs.</summary>
public static class SigningPages
{
    /// <summary>Maps <c>GET</c> and <c>POST /sign/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapSigningPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sign/{token}", async (string token, SigningDesk desk, CancellationToken cancellation) =>
            Render(await desk.OpenAsync(token, cancellation).ConfigureAwait(false), token)).ExcludeFromDescription();
        routes.MapPost("/sign/{token}", async (string token, HttpContext http, SigningDesk desk, CancellationToken cancellation) =>
            Render(await desk.ConfirmAsync(token, ClientAddress(http), http.Request.Headers.UserAgent.ToString(), cancellation).ConfigureAwait(false), token))
            .ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    /// <summary>
    /// The signer's address: the connecting peer, which the forwarded-headers middleware has already replaced by the
    /// client's address when the request came through the Functions host on loopback.
    /// </summary>
    internal static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "-";

    private static IResult Render(SigningView view, string token)
    {
        var text = PageTexts.For(view.Language);
        if (view.Outcome is not (LinkOutcome.Ready or LinkOutcome.Done))
        {
            return Outcome(text, view.Outcome);
        }

        var page = new HtmlPage(text.Lang, text.SignTitle).Element("h1", text.SignTitle);
        if (view.Outcome == LinkOutcome.Done)
        {
            return page.Element("p", text.Done, "role=\"status\"").ToResult();
        }

        var words = NorwegianWords.For(view.Language);
        page.Element("p", string.Format(CultureInfo.InvariantCulture, text.SignFor, view.NurseName, view.NetworkName))
            .Element("p", string.Format(CultureInfo.InvariantCulture, text.SignAs, words.SignerRole(view.Role!.Value).ToLowerInvariant(), view.SignerName));
        if (view.DocumentLink is { } link)
        {
            page.Raw($"<p><a href=\"{HtmlPage.Encode(link.ToString())}\">{HtmlPage.Encode(text.Pdf)}</a></p>");
        }

        if (view.Document is { } document)
        {
            page.Raw("<article>").Element("h2", document.Title);
            foreach (var section in document.Sections)
            {
                page.Element("h3", section.Heading);
                foreach (var paragraph in section.Paragraphs ?? [])
                {
                    page.Element("p", paragraph);
                }

                if (section.Bullets is { Count: > 0 } bullets)
                {
                    page.Raw("<ul>");
                    foreach (var bullet in bullets)
                    {
                        page.Element("li", bullet);
                    }

                    page.Raw("</ul>");
                }
            }

            page.Raw("</article>").Element("p", document.Statement, "class=\"statement\"");
        }

        if (view.DocumentSha256 is { } sha)
        {
            page.Element("p", $"{text.Checksum}: {sha}", "class=\"muted\"");
        }

        return page.Raw($"<form method=\"post\" action=\"/sign/{HtmlPage.Encode(token)}\"><button type=\"submit\">{HtmlPage.Encode(text.Confirm)}</button></form>").ToResult();
    }

    internal static IResult Outcome(PageTexts text, LinkOutcome outcome)
    {
        var (title, explanation) = text.Outcomes[outcome];
        var status = outcome switch
        {
            LinkOutcome.Forged => StatusCodes.Status400BadRequest,
            LinkOutcome.Expired or LinkOutcome.Closed => StatusCodes.Status410Gone,
            _ => StatusCodes.Status409Conflict,
        };
        return new HtmlPage(text.Lang, title).Element("h1", title).Element("p", explanation).ToResult(status);
    }
}
