namespace Workflows.Waiting;

/// <summary>Everything a network waits for from people, each with a reminder that can be sent at once.</summary>
/// <param name="Signatures">Function descriptions waiting for a signature.</param>
/// <param name="Questionnaires">Questionnaires open for answers.</param>
/// <param name="Documents">Documents or approvals awaited after wheel events.</param>
/// <param name="Replacements">Replacement requests without a nomination.</param>
public sealed record WaitingList(
    IReadOnlyList<PendingSignature> Signatures,
    IReadOnlyList<OpenQuestionnaire> Questionnaires,
    IReadOnlyList<AwaitedDocument> Documents,
    IReadOnlyList<OpenReplacementRequest> Replacements)
{
    /// <summary>True when nobody is waited for.</summary>
    public bool IsEmpty => Signatures.Count == 0 && Questionnaires.Count == 0 && Documents.Count == 0 && Replacements.Count == 0;
}
