using Workflows.Network;

namespace Workflows.Wheel.Surveys;

/// <summary>One person's answers to one questionnaire (annual reporting, yearly evaluation); answering again replaces them.</summary>
public sealed record SurveyAnswer : IRegistryEntity
{
    /// <inheritdoc />
    public static string Kind => "answer";

    /// <summary><c>{instance}-{n|l}-{person key}</c>.</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    public required string NetworkId { get; init; }

    /// <summary>The questionnaire's orchestration.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Nurse or leader.</summary>
    public Respondent Respondent { get; init; }

    /// <summary>The nurse the answer is about (their own, or their leader's about them).</summary>
    public required string NurseId { get; init; }

    /// <summary>The nurse's local area, for response rates by area.</summary>
    public required string AreaId { get; init; }

    /// <summary>The answers by question id.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>When.</summary>
    public DateTimeOffset AnsweredAt { get; init; }

    /// <summary>The id of a respondent's answer.</summary>
    public static string IdFor(string instanceId, Respondent respondent, string nurseId) =>
        $"{instanceId}-{(respondent == Respondent.Nurse ? "n" : "l")}-{nurseId}";

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate()
    {
        if (string.IsNullOrWhiteSpace(InstanceId))
        {
            yield return new(nameof(InstanceId), "Required.");
        }
    }
}
