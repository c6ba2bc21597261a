using Workflows.Signing;

namespace Workflows.Onboarding;

/// <summary>How an onboarding ended.</summary>
/// <param name="NurseId">The nurse.</param>
/// <param name="Completed">True when all three signed and the nurse is active.</param>
/// <param name="SignedDocumentKey">The archived signed function description.</param>
/// <param name="ExpiredWaitingFor">Whose signature was missing when the deadline passed.</param>
public sealed record OnboardingOutcome(string NurseId, bool Completed, string? SignedDocumentKey, SignerRole? ExpiredWaitingFor);
