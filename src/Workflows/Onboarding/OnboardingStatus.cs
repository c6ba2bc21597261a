using Workflows.Signing;

namespace Workflows.Onboarding;

/// <summary>The onboarding's custom status: what it waits for, since when, until when.</summary>
public sealed record OnboardingStatus
{
    /// <summary>The phase.</summary>
    public required OnboardingPhase Phase { get; init; }

    /// <summary>The nurse.</summary>
    public required string NurseId { get; init; }

    /// <summary>Whose signature it waits for.</summary>
    public SignerRole? WaitingFor { get; init; }

    /// <summary>The id of the signing link now valid; the signing page accepts only this one.</summary>
    public string? TokenId { get; init; }

    /// <summary>The unsigned function description the signers confirm.</summary>
    public string? DocumentKey { get; init; }

    /// <summary>Reminders sent to the current signer.</summary>
    public int Reminders { get; init; }

    /// <summary>When the signing expires.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>When the current signer was asked (UTC); absent in statuses written before it was kept.</summary>
    public DateTime? WaitingSince { get; init; }

    /// <summary>The roles that have signed.</summary>
    public IReadOnlyList<SignerRole> Signed { get; init; } = [];

    /// <summary>The signed document's key, once filed.</summary>
    public string? SignedDocumentKey { get; init; }
}
