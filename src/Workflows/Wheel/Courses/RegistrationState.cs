using System.Text.Json.Serialization;

namespace Workflows.Wheel.Courses;

/// <summary>Where one person stands on a course's roster.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegistrationState>))]
public enum RegistrationState
{
    /// <summary>Not registered (or cancelled).</summary>
    None,

    /// <summary>Has a seat.</summary>
    Seated,

    /// <summary>On the waitlist.</summary>
    Waitlisted,
}
