using System.Text.Json.Serialization;

namespace Workflows.Resignation;

/// <summary>Where the search for a replacement is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplacementState>))]
public enum ReplacementState
{
    /// <summary>The nearest leader has been asked and reminded; nobody nominated yet.</summary>
    Requested,

    /// <summary>The leader nominated a replacement, whose onboarding has started.</summary>
    Nominated,

    /// <summary>The operator closed the request.</summary>
    Closed,
}
