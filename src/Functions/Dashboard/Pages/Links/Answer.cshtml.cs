using Microsoft.AspNetCore.Mvc;
using Workflows.Wheel.Surveys;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>A nurse or leader answers the annual reporting or the yearly evaluation; answers can be changed until the deadline.</summary>
public sealed class AnswerModel(SurveyDesk desk) : LinkPageModel<SurveyView>
{
    /// <summary>Shows the questions, with any answers given before.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        Present(await desk.OpenAsync(Token, cancellation).ConfigureAwait(false));

    /// <summary>Keeps the answers, or shows them again with their faults.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Request.HasFormContentType)
        {
            foreach (var (key, value) in await Request.ReadFormAsync(cancellation).ConfigureAwait(false))
            {
                answers[key] = value.ToString();
            }
        }

        return Present(await desk.AnswerAsync(Token, answers, cancellation).ConfigureAwait(false));
    }

    /// <inheritdoc />
    protected override bool FormHasFaults(SurveyView view) => view.Errors.Count > 0;
}
