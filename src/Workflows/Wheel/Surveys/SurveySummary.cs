namespace Workflows.Wheel.Surveys;

/// <summary>How many answered a questionnaire, in all and by local area.</summary>
/// <param name="Expected">Questionnaires sent (nurses and leaders).</param>
/// <param name="Answered">Questionnaires answered.</param>
/// <param name="Areas">By area.</param>
/// <param name="WorkPlanMeetings">Nurses who said they held the yearly work-plan meeting.</param>
/// <param name="Teaching">Times nurses taught colleagues, in all.</param>
public sealed record SurveySummary(int Expected, int Answered, IReadOnlyList<SurveyAreaRate> Areas, int WorkPlanMeetings, int Teaching)
{
    /// <summary>Answered as a percentage of expected.</summary>
    public double Rate => Expected == 0 ? 0 : 100.0 * Answered / Expected;
}

/// <summary>One area's response.</summary>
/// <param name="AreaId">The area.</param>
/// <param name="AreaName">Its name.</param>
/// <param name="Expected">Questionnaires sent.</param>
/// <param name="Answered">Answered.</param>
public sealed record SurveyAreaRate(string AreaId, string AreaName, int Expected, int Answered)
{
    /// <summary>Answered as a percentage of expected.</summary>
    public double Rate => Expected == 0 ? 0 : 100.0 * Answered / Expected;
}
