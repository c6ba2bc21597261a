namespace Workflows.Onboarding;

/// <summary>The documents filed for a new nurse: keys in the document store and the hash signers confirm.</summary>
/// <param name="WelcomeLetterKey">The welcome letter.</param>
/// <param name="FunctionDescriptionKey">The unsigned function description shown to signers.</param>
/// <param name="FunctionDescriptionSha256">Its SHA-256, printed on the signature page.</param>
public sealed record OnboardingDocuments(string WelcomeLetterKey, string FunctionDescriptionKey, string FunctionDescriptionSha256);
