using Workflows.Signing;

namespace Workflows.Onboarding;

/// <summary>The event the signing page raises on the onboarding when someone confirms.</summary>
/// <param name="TokenId">The link that was used.</param>
/// <param name="Signature">Who signed, when, from where.</param>
public sealed record SignatureEvent(string TokenId, Signature Signature)
{
    /// <summary>The event name for a role's signature.</summary>
    public static string NameFor(SignerRole role) => $"signed-{role}";
}
