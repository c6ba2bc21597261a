using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Wheel.Surveys.Activities;

/// <summary>Counts a closed questionnaire's answers, in all and by area, and the figures the annual report draws on.</summary>
public sealed class SummarizeSurvey(NetworkRegistry registry, SurveyParticipants participants) : KeyedActivity<string, SurveySummary>
{
    /// <inheritdoc />
    protected override async Task<SurveySummary> RunAsync(ActivityCall context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expected = await participants.ListAsync(input).ConfigureAwait(false);
        var answers = (await registry.ListAsync<SurveyAnswer>(input).ConfigureAwait(false)).Where(a => a.InstanceId == context.InstanceId).ToList();
        var areas = (await registry.ListAsync<LocalArea>(input).ConfigureAwait(false)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var byArea = expected.GroupBy(p => p.AreaId).OrderBy(g => areas.GetValueOrDefault(g.Key, g.Key), StringComparer.Ordinal)
            .Select(g => new SurveyAreaRate(g.Key, areas.GetValueOrDefault(g.Key, g.Key), g.Count(), answers.Count(a => a.AreaId == g.Key)))
            .ToList();
        var nurseAnswers = answers.Where(a => a.Respondent == Respondent.Nurse).ToList();
        return new SurveySummary(
            expected.Count,
            answers.Count,
            byArea,
            nurseAnswers.Count(a => a.Answers.GetValueOrDefault("work-plan-meeting") == "yes"),
            nurseAnswers.Sum(a => int.TryParse(a.Answers.GetValueOrDefault("teaching"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0));
    }
}
