using System.Globalization;
using Workflows.Network;
using Workflows.Onboarding;
using Workflows.Resignation;
using Workflows.Signing;

namespace Workflows.Functions.Pages;

/// <summary><c>/nominate/{token}</c>: the nearest leader names the replacement of a nurse who leaves.</summary>
public static class NominationPages
{
    /// <summary>Maps <c>GET</c> and <c>POST /nominate/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapNominationPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/nominate/{token}", async (string token, NominationDesk desk, CancellationToken cancellation) =>
            Render(await desk.OpenAsync(token, cancellation).ConfigureAwait(false), token, null)).ExcludeFromDescription();
        routes.MapPost("/nominate/{token}", async (string token, HttpContext http, NominationDesk desk, CancellationToken cancellation) =>
            {
                var form = await http.Request.ReadFormAsync(cancellation).ConfigureAwait(false);
                var registration = new NurseRegistration
                {
                    Name = form["name"].ToString(),
                    Email = form["email"].ToString(),
                    Phone = form["phone"].ToString(),
                    HasFurtherEducation = form["furtherEducation"].ToString() is "on" or "true",
                    StartDate = DateOnly.TryParseExact(form["startDate"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null,
                };
                var view = await desk.NominateAsync(token, registration, cancellation).ConfigureAwait(false);
                return Render(view, token, registration);
            })
            .ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    private static IResult Render(NominationView view, string token, NurseRegistration? submitted)
    {
        var text = PageTexts.For(view.Language);
        if (view.Outcome is not (LinkOutcome.Ready or LinkOutcome.Done))
        {
            return SigningPages.Outcome(text, view.Outcome);
        }

        var page = new HtmlPage(text.Lang, text.NominateTitle).Element("h1", text.NominateTitle);
        if (view.Outcome == LinkOutcome.Done)
        {
            return page.Element("p", text.Nominated, "role=\"status\"").ToResult();
        }

        page.Element("p", string.Format(CultureInfo.InvariantCulture, text.NominateIntro, view.LeavingNurseName, view.UnitName))
            .Raw($"<form method=\"post\" action=\"/nominate/{HtmlPage.Encode(token)}\" novalidate>");
        Field(page, text, view, "name", "text", text.Name, submitted?.Name, required: true, autocomplete: "name");
        Field(page, text, view, "email", "email", text.Email, submitted?.Email, required: true, autocomplete: "email");
        Field(page, text, view, "phone", "tel", $"{text.Phone} ({text.Optional})", submitted?.Phone, required: false, autocomplete: "tel");
        Field(page, text, view, "startDate", "date", $"{text.StartDate} ({text.Optional})", submitted?.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), required: false, autocomplete: "off");
        var isChecked = submitted?.HasFurtherEducation == true ? " checked" : string.Empty;
        page.Raw($"<p class=\"check\"><input type=\"checkbox\" id=\"furtherEducation\" name=\"furtherEducation\"{isChecked}> <label for=\"furtherEducation\">{HtmlPage.Encode(text.FurtherEducation)}</label></p>")
            .Raw($"<button type=\"submit\">{HtmlPage.Encode(text.Nominate)}</button></form>");
        return page.ToResult(view.Errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static void Field(HtmlPage page, PageTexts text, NominationView view, string name, string type, string label, string? value, bool required, string autocomplete)
    {
        var invalid = view.Errors.ContainsKey(name);
        var described = invalid ? $" aria-invalid=\"true\" aria-describedby=\"{name}-error\"" : string.Empty;
        page.Raw($"<label for=\"{name}\">{HtmlPage.Encode(label)}</label>")
            .Raw($"<input type=\"{type}\" id=\"{name}\" name=\"{name}\" value=\"{HtmlPage.Encode(value)}\" autocomplete=\"{autocomplete}\"{(required ? " required" : string.Empty)}{described}>");
        if (invalid)
        {
            page.Element("p", text.FieldErrors.GetValueOrDefault(name, text.FieldErrors["name"]), $"class=\"error\" id=\"{name}-error\"");
        }
    }
}
