using System.Globalization;
using Workflows.Signing;
using Workflows.Wheel.Surveys;

namespace Workflows.Functions.Pages;

/// <summary><c>/answer/{token}</c>: a nurse or leader answers the annual reporting or yearly evaluation.</summary>
public static class SurveyPages
{
    /// <summary>Maps <c>GET</c> and <c>POST /answer/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapSurveyPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/answer/{token}", async (string token, SurveyDesk desk, CancellationToken cancellation) =>
            Render(await desk.OpenAsync(token, cancellation).ConfigureAwait(false), token)).ExcludeFromDescription();
        routes.MapPost("/answer/{token}", async (string token, HttpContext http, SurveyDesk desk, CancellationToken cancellation) =>
            {
                var answers = new Dictionary<string, string>(StringComparer.Ordinal);
                if (http.Request.HasFormContentType)
                {
                    foreach (var (key, value) in await http.Request.ReadFormAsync(cancellation).ConfigureAwait(false))
                    {
                        answers[key] = value.ToString();
                    }
                }

                return Render(await desk.AnswerAsync(token, answers, cancellation).ConfigureAwait(false), token);
            })
            .ExcludeFromDescription()
            .DisableAntiforgery();
        return routes;
    }

    private static IResult Render(SurveyView view, string token)
    {
        var text = PageTexts.For(view.Language);
        if (view.Outcome is not (LinkOutcome.Ready or LinkOutcome.Done))
        {
            return SigningPages.Outcome(text, view.Outcome);
        }

        var page = new HtmlPage(text.Lang, view.Title ?? string.Empty).Element("h1", view.Title);
        if (view.Outcome == LinkOutcome.Done)
        {
            return page.Element("p", text.Answered, "role=\"status\"").ToResult();
        }

        if (view.Respondent == Respondent.Leader)
        {
            page.Element("p", string.Format(CultureInfo.InvariantCulture, text.SurveyAbout, view.NurseName));
        }

        page.Raw($"<form method=\"post\" action=\"/answer/{HtmlPage.Encode(token)}\" novalidate>");
        foreach (var question in view.Questions)
        {
            var value = view.Answers.GetValueOrDefault(question.Id) ?? string.Empty;
            var id = HtmlPage.Encode(question.Id);
            var invalid = view.Errors.TryGetValue(question.Id, out var error);
            var described = invalid ? $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"" : string.Empty;
            var required = question.Required ? " required" : string.Empty;
            if (question.Kind == "yes-no")
            {
                page.Raw($"<fieldset{(invalid ? $" aria-describedby=\"{id}-error\"" : string.Empty)}><legend>{HtmlPage.Encode(question.Text)}</legend>");
                foreach (var (option, label) in new[] { ("yes", text.Yes), ("no", text.No) })
                {
                    var isChecked = value == option ? " checked" : string.Empty;
                    page.Raw($"<p class=\"check\"><input type=\"radio\" id=\"{id}-{option}\" name=\"{id}\" value=\"{option}\"{isChecked}{required}> <label for=\"{id}-{option}\">{HtmlPage.Encode(label)}</label></p>");
                }

                page.Raw("</fieldset>");
            }
            else
            {
                page.Raw($"<label for=\"{id}\">{HtmlPage.Encode(question.Text)}</label>");
                page.Raw(question.Kind == "number"
                    ? $"<input type=\"number\" id=\"{id}\" name=\"{id}\" min=\"0\" max=\"1000\" inputmode=\"numeric\" value=\"{HtmlPage.Encode(value)}\"{required}{described}>"
                    : $"<textarea id=\"{id}\" name=\"{id}\" rows=\"4\" maxlength=\"2000\"{described}>{HtmlPage.Encode(value)}</textarea>");
            }

            if (invalid)
            {
                page.Element("p", error, $"class=\"error\" id=\"{id}-error\"");
            }
        }

        page.Raw($"<button type=\"submit\">{HtmlPage.Encode(text.SendAnswers)}</button></form>");
        return page.ToResult(view.Errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }
}
