using Workflows.Documents;
using Workflows.Email;
using Workflows.Network;

namespace Workflows.Onboarding.Activities;

/// <summary>Where a nurse's documents are filed, and reading them back as attachments.</summary>
internal static class OnboardingFiles
{
    public const string Pdf = "application/pdf";

    public static string Folder(ResourceNurse nurse) => $"{nurse.NetworkId}/nurses/{nurse.Id}";

    public static string WelcomeLetter(ResourceNurse nurse) => $"{Folder(nurse)}/velkomstbrev.pdf";

    /// <summary>The unsigned copy shown to signers, named by the onboarding's start: a restarted onboarding gets its own.</summary>
    public static string FunctionDescription(ResourceNurse nurse, DateTime started) =>
        $"{Folder(nurse)}/funksjonsbeskrivelse-{started.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture)}.pdf";

    public static string SignedFunctionDescription(ResourceNurse nurse) => $"{Folder(nurse)}/funksjonsbeskrivelse-signert.pdf";

    public static async Task<EmailAttachment> AttachmentAsync(IDocumentStore documents, string key, CancellationToken cancellation)
    {
        var found = await documents.GetAsync(key, cancellation).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The document {key} is missing from the store.");
        return new EmailAttachment(Path.GetFileName(key), found.Document.ContentType, found.Content);
    }
}
