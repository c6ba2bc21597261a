using Workflows.Network;

namespace Workflows.Wheel.Surveys;

/// <summary>What happens to questionnaire answers when a nurse's personal data is erased.</summary>
public static class SurveyAnswers
{
    /// <summary>
    /// Deletes the free-text answers given by or about <paramref name="nurse"/> (they may name people) and redacts
    /// their audit trail; yes/no and number answers stay for the year's figures.
    /// </summary>
    public static async Task EraseFreeTextAsync(NetworkRegistry registry, ResourceNurse nurse, string actor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(nurse);
        foreach (var answer in (await registry.ListAsync<SurveyAnswer>(nurse.NetworkId, cancellation).ConfigureAwait(false)).Where(a => a.NurseId == nurse.Id))
        {
            var kept = answer.Answers.Where(a => !SurveyQuestions.IsFreeText(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            if (kept.Count != answer.Answers.Count)
            {
                await registry.ChangeAsync<SurveyAnswer>(answer.Id, a => a with { Answers = kept }, actor, "erased", cancellation).ConfigureAwait(false);
                await registry.Store.RedactAuditAsync(SurveyAnswer.Kind, answer.Id, cancellation).ConfigureAwait(false);
            }
        }
    }
}
