using System.Text.Json.Serialization;

namespace Workflows.Wheel.Surveys;

/// <summary>Who answers a questionnaire: the resource nurse or the nearest leader (their questions differ).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Respondent>))]
public enum Respondent
{
    /// <summary>A resource nurse.</summary>
    Nurse,

    /// <summary>A nurse's nearest leader.</summary>
    Leader,
}
