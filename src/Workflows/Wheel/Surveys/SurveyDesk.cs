using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Surveys;

/// <summary>
/// Behind <c>/answer/{token}</c>: a nurse or leader answers the annual reporting (or yearly evaluation) through a
/// personal link; answers can be changed until the questionnaire closes, and each is stored in the registry.
/// </summary>
public sealed class SurveyDesk(WheelLinks links, NetworkRegistry registry, TimeProvider time)
{
    /// <summary>What the link shows; nothing changes.</summary>
    public async Task<SurveyView> OpenAsync(string token, CancellationToken cancellation = default) =>
        (await CheckAsync(token, cancellation).ConfigureAwait(false)).View;

    /// <summary>Checks and stores the answers; faults are returned next to their questions and nothing is stored.</summary>
    public async Task<SurveyView> AnswerAsync(string token, IReadOnlyDictionary<string, string> answers, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (view, claim, occurrence, areaId, existing) = await CheckAsync(token, cancellation).ConfigureAwait(false);
        if (view.Outcome != LinkOutcome.Ready || claim is null || occurrence is null)
        {
            return view;
        }

        var nn = view.Language == NetworkLanguage.Nynorsk;
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in view.Questions)
        {
            var value = (answers.GetValueOrDefault(question.Id) ?? string.Empty).Trim();
            given[question.Id] = value;
            var fault = (question.Kind, value) switch
            {
                (_, "") when question.Required => "Svar på dette spørsmålet.",
                ("yes-no", not ("" or "yes" or "no")) => nn ? "Vel ja eller nei." : "Velg ja eller nei.",
                ("number", not "") when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1000 =>
                    nn ? "Skriv eit heilt tal frå 0 til 1000." : "Skriv et helt tall fra 0 til 1000.",
                ("text", _) when value.Length > 2000 => nn ? "Høgst 2000 teikn." : "Høyst 2000 tegn.",
                _ => null,
            };
            if (fault is not null)
            {
                errors[question.Id] = fault;
            }
        }

        if (errors.Count > 0)
        {
            return view with { Answers = given, Errors = errors };
        }

        var respondent = view.Respondent;
        var answer = new SurveyAnswer
        {
            Id = SurveyAnswer.IdFor(claim.InstanceId, respondent, claim.Subject),
            NetworkId = occurrence.NetworkId,
            InstanceId = claim.InstanceId,
            Respondent = respondent,
            NurseId = claim.Subject,
            AreaId = areaId!,
            Answers = given.Where(a => a.Value.Length > 0).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            AnsweredAt = time.GetUtcNow(),
        };
        // Written over the answer as read to check the link: one changed in between is a conflict, not overwritten.
        if (existing is null)
        {
            await registry.CreateAsync(answer, $"answer:{claim.TokenId}", cancellation).ConfigureAwait(false);
        }
        else
        {
            await registry.UpdateAsync(answer, existing.Version, $"answer:{claim.TokenId}", cancellation).ConfigureAwait(false);
        }

        return view with { Outcome = LinkOutcome.Done, Answers = answer.Answers };
    }

    private async Task<(SurveyView View, LinkClaim? Claim, WheelOccurrence? Occurrence, string? AreaId, Versioned<SurveyAnswer>? Stored)> CheckAsync(string token, CancellationToken cancellation)
    {
        var (target, refused) = await links.ReadAsync(token, WorkflowLinks.AnswerPurpose, cancellation).ConfigureAwait(false);
        if (target is null || !Enum.TryParse<Respondent>(target.Claim.Step, out var respondent))
        {
            return (new SurveyView { Outcome = target is null ? refused : LinkOutcome.Forged }, null, null, null, null);
        }

        var claim = target.Claim;
        var nurse = await registry.FindAsync<ResourceNurse>(claim.Subject, cancellation).ConfigureAwait(false);
        var unit = nurse is null ? null : await registry.FindAsync<Unit>(nurse.Entity.UnitId, cancellation).ConfigureAwait(false);
        if (nurse is null || unit is null)
        {
            return (new SurveyView { Outcome = LinkOutcome.Closed }, null, null, null, null);
        }

        var language = target.Network.Language;
        var stored = await registry.FindAsync<SurveyAnswer>(SurveyAnswer.IdFor(claim.InstanceId, respondent, claim.Subject), cancellation).ConfigureAwait(false);
        var view = new SurveyView
        {
            Outcome = LinkOutcome.Ready,
            Language = language,
            Title = target.Occurrence.Title,
            Respondent = respondent,
            NurseName = nurse.Entity.Name,
            Questions = SurveyQuestions.For(target.Occurrence.Kind, respondent, language),
            Answers = stored?.Entity.Answers ?? new Dictionary<string, string>(),
        };
        if (target.Expired)
        {
            return (view with { Outcome = LinkOutcome.Expired }, null, null, null, null);
        }

        return target.IsAt(WheelPhase.CollectingAnswers)
            ? (view, claim, target.Occurrence, unit.Entity.AreaId, stored)
            : (view with { Outcome = LinkOutcome.Closed }, null, null, null, null);
    }
}
