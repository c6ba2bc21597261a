using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Wheel.Surveys;

/// <summary>What a questionnaire link shows: the questions, the answers so far, and any faults in what was sent.</summary>
public sealed record SurveyView : ILinkView
{
    /// <summary>What happened.</summary>
    public required LinkOutcome Outcome { get; init; }

    /// <summary>The page's language.</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The questionnaire's title.</summary>
    public string? Title { get; init; }

    /// <summary>Who answers as what.</summary>
    public Respondent Respondent { get; init; }

    /// <summary>The nurse the questionnaire is about.</summary>
    public string? NurseName { get; init; }

    /// <summary>The questions.</summary>
    public IReadOnlyList<SurveyQuestion> Questions { get; init; } = [];

    /// <summary>The answers given (or sent with faults).</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>Faults by question id.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
