using Workflows.Network;
using Workflows.Wheel.Calendar;

namespace Workflows.Wheel.Surveys;

/// <summary>
/// The questions of the annual reporting and the yearly evaluation, for nurses and for leaders, in Bokmål and
/// Nynorsk: the duties the seeds give each of them (the yearly work-plan meeting, teaching colleagues, gatherings,
/// time for the role).
/// </summary>
public static class SurveyQuestions
{
    /// <summary>Whether the question <paramref name="id"/> takes free text (which may name people, so it is erased with a nurse's data).</summary>
    public static bool IsFreeText(string id) => FreeText.Contains(id);

    private static readonly HashSet<string> FreeText =
    [
        .. from kind in new[] { WheelEventKind.AnnualReporting, WheelEventKind.YearlyEvaluation }
           from respondent in Enum.GetValues<Respondent>()
           from question in For(kind, respondent, NetworkLanguage.Bokmal)
           where question.Kind == "text"
           select question.Id,
    ];

    /// <summary>The questions <paramref name="respondent"/> answers in <paramref name="kind"/>.</summary>
    public static IReadOnlyList<SurveyQuestion> For(WheelEventKind kind, Respondent respondent, NetworkLanguage language)
    {
        var nn = language == NetworkLanguage.Nynorsk;
        var evaluation = kind == WheelEventKind.YearlyEvaluation;
        return respondent == Respondent.Nurse
            ?
            [
                new("work-plan-meeting", nn ? "Har du hatt det årlege møtet med leiaren din om arbeidsplanen?" : "Har du hatt det årlige møtet med lederen din om arbeidsplanen?", "yes-no", true),
                new("teaching", nn ? "Kor mange gonger har du undervist eller rettleidd kollegaer i år?" : "Hvor mange ganger har du undervist eller veiledet kolleger i år?", "number", true),
                new("gatherings", nn ? "Kor mange lokalgruppesamlingar og fagdagar har du vore på i år?" : "Hvor mange områdesamlinger og fagdager har du vært på i år?", "number", true),
                new(evaluation ? "evaluation" : "wishes", evaluation
                    ? (nn ? "Kva fungerte godt i rolla i fjor, og kva vil du endre?" : "Hva fungerte godt i rollen i fjor, og hva vil du endre?")
                    : (nn ? "Kva vil du at nettverket skal satse på neste år?" : "Hva vil du at nettverket skal satse på neste år?"), "text", false),
            ]
            :
            [
                new("work-plan-meeting", nn ? "Har du hatt det årlege møtet med ressurssjukepleiaren om arbeidsplanen?" : "Har du hatt det årlige møtet med ressurssykepleieren om arbeidsplanen?", "yes-no", true),
                new("time-for-role", nn ? "Får ressurssjukepleiaren tid til å delta på samlingar og til å undervise?" : "Får ressurssykepleieren tid til å delta på samlinger og til å undervise?", "yes-no", true),
                new(evaluation ? "evaluation" : "wishes", evaluation
                    ? (nn ? "Kva fungerte godt for eininga di i fjor, og kva vil de endre?" : "Hva fungerte godt for enheten din i fjor, og hva vil dere endre?")
                    : (nn ? "Kva ønskjer du deg frå nettverket neste år?" : "Hva ønsker du deg fra nettverket neste år?"), "text", false),
            ];
    }
}
