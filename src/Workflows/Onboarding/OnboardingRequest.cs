namespace Workflows.Onboarding;

/// <summary>Starts onboarding of a registered nurse.</summary>
/// <param name="NurseId">The nurse, already in the registry.</param>
/// <param name="Signing">Deadlines and reminders for the function description.</param>
public sealed record OnboardingRequest(string NurseId, SigningPolicy? Signing = null);
