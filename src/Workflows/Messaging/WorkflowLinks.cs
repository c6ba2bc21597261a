using Workflows.Signing;

namespace Workflows.Messaging;

/// <summary>The addresses people act through from their emails: signing and nominating, each with a signed token.</summary>
public sealed class WorkflowLinks(Uri publicBaseUrl, LinkTokens tokens)
{
    /// <summary>The purpose of signing links.</summary>
    public const string SignPurpose = "sign";

    /// <summary>The purpose of nomination links.</summary>
    public const string NominatePurpose = "nominate";

    /// <summary>The purpose of upload links (minutes, plans, reports).</summary>
    public const string UploadPurpose = "upload";

    /// <summary>The purpose of personal course registration links.</summary>
    public const string RegisterPurpose = "register";

    /// <summary>The purpose of personal questionnaire links (annual reporting, yearly evaluation).</summary>
    public const string AnswerPurpose = "answer";

    /// <summary>The purpose of approval links (the working group approves the annual report).</summary>
    public const string ApprovePurpose = "approve";

    /// <summary>The host's public address.</summary>
    public Uri PublicBaseUrl => publicBaseUrl;

    /// <summary>A link to <c>/sign/{token}</c> or <c>/nominate/{token}</c> for <paramref name="claim"/>.</summary>
    public Uri For(LinkClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new Uri(publicBaseUrl, $"{claim.Purpose}/{tokens.Create(claim)}");
    }
}
