using Workflows.Signing;

namespace Workflows.Onboarding;

/// <summary>One signer's turn: whom to ask, with which link, until when, and how many reminders so far.</summary>
/// <param name="InstanceId">The onboarding instance the signature goes to.</param>
/// <param name="NurseId">The nurse.</param>
/// <param name="Role">Whose turn it is.</param>
/// <param name="TokenId">The link's id.</param>
/// <param name="Deadline">When the link and the signing expire.</param>
/// <param name="Reminder">0 for the first request, then the reminder's number.</param>
public sealed record SigningStep(string InstanceId, string NurseId, SignerRole Role, string TokenId, DateTime Deadline, int Reminder);
