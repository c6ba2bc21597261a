using System.Text.Json.Serialization;

namespace Workflows.Onboarding;

/// <summary>Where an onboarding is, as the operator sees it in the custom status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OnboardingPhase>))]
public enum OnboardingPhase
{
    /// <summary>Rendering and filing the documents, sending the welcome email.</summary>
    Welcoming,

    /// <summary>Waiting for a signature (see <see cref="OnboardingStatus.WaitingFor"/>).</summary>
    AwaitingSignature,

    /// <summary>Filing the signed function description.</summary>
    Filing,

    /// <summary>Enrolling in courses and setting up the yearly work-plan reminder.</summary>
    Enrolling,

    /// <summary>Done: signed, filed, enrolled.</summary>
    Completed,

    /// <summary>The signing deadline passed; the network leader was told.</summary>
    SigningExpired,
}
