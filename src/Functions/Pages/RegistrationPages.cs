using System.Globalization;
using Workflows.Signing;
using Workflows.Wheel.Courses;

namespace Workflows.Functions.Pages;

/// <summary><c>/register/{token}</c>: a personal link to take, or give back, a seat on a course or the subject day.</summary>
public static class RegistrationPages
{
    /// <summary>Maps <c>GET</c> and <c>POST /register/{token}</c> (form field <c>action</c>: <c>register</c> or <c>cancel</c>).</summary>
    public static IEndpointRouteBuilder MapRegistrationPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/register/{token}", async (string token, RegistrationDesk desk, CancellationToken cancellation) =>
            Render(await desk.OpenAsync(token, cancellation).ConfigureAwait(false), token)).ExcludeFromDescription();
        routes.MapPost("/register/{token}", async (string token, HttpContext http, RegistrationDesk desk, CancellationToken cancellation) =>
            {
                var action = http.Request.HasFormContentType
                    ? (await http.Request.ReadFormAsync(cancellation).ConfigureAwait(false))["action"].ToString()
                    : string.Empty;
                if (action is not ("register" or "cancel"))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid", detail: "Send action=register or action=cancel.");
                }

                return Render(await desk.ActAsync(token, action == "register", cancellation).ConfigureAwait(false), token);
            })
            .ExcludeFromDescription()
            .DisableAntiforgery();
        return routes;
    }

    private static IResult Render(RegistrationView view, string token)
    {
        var text = PageTexts.For(view.Language);
        if (view.Outcome is not (LinkOutcome.Ready or LinkOutcome.Done))
        {
            return SigningPages.Outcome(text, view.Outcome);
        }

        var page = new HtmlPage(text.Lang, text.RegisterTitle).Element("h1", view.Title)
            .Element("p", string.Format(CultureInfo.InvariantCulture, text.RegisterHello, view.PersonName, view.When, view.Location ?? string.Empty).TrimEnd(' ', ',') + ".");
        var place = view.State switch
        {
            RegistrationState.Seated => text.RegisteredSeat,
            RegistrationState.Waitlisted => string.Format(CultureInfo.InvariantCulture, text.RegisteredWaitlist, view.WaitlistPlace),
            _ => text.NotRegistered,
        };
        page.Element("p", place, "role=\"status\"");
        if (!view.Open)
        {
            return page.Element("p", text.RegistrationClosed).ToResult();
        }

        if (view.State == RegistrationState.None && view.SeatsLeft is { } left)
        {
            page.Element("p", left > 0 ? string.Format(CultureInfo.InvariantCulture, text.SeatsLeft, left) : text.Full);
        }

        var (action, label) = view.State == RegistrationState.None ? ("register", text.RegisterButton) : ("cancel", text.CancelButton);
        return page.Raw($"<form method=\"post\" action=\"/register/{HtmlPage.Encode(token)}\">")
            .Raw($"<input type=\"hidden\" name=\"action\" value=\"{action}\">")
            .Raw($"<button type=\"submit\">{HtmlPage.Encode(label)}</button></form>")
            .ToResult();
    }
}
