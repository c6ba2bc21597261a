using Workflows.Network.Storage;
using Workflows.Signing;

namespace Workflows.Messaging;

/// <summary>
/// The links people act through from their emails (sign, nominate, upload, register, answer, approve): made here,
/// read and refused here, and spent here, so every page treats a forged, expired or used link alike.
/// </summary>
public sealed class WorkflowLinks(Uri publicBaseUrl, LinkTokens tokens, IOnceLedger spent)
{
    /// <summary>The once-ledger scope of spent single-use links.</summary>
    public const string SpentScope = "link";

    /// <summary>The purpose of signing links.</summary>
    public const string SignPurpose = PublicRoutes.Sign;

    /// <summary>The purpose of nomination links.</summary>
    public const string NominatePurpose = PublicRoutes.Nominate;

    /// <summary>The purpose of upload links (minutes, plans, reports).</summary>
    public const string UploadPurpose = PublicRoutes.Upload;

    /// <summary>The purpose of personal course registration links.</summary>
    public const string RegisterPurpose = PublicRoutes.Register;

    /// <summary>The purpose of personal questionnaire links (annual reporting, yearly evaluation).</summary>
    public const string AnswerPurpose = PublicRoutes.Answer;

    /// <summary>The purpose of approval links (the working group approves the annual report).</summary>
    public const string ApprovePurpose = PublicRoutes.Approve;

    /// <summary>The host's public address.</summary>
    public Uri PublicBaseUrl => publicBaseUrl;

    /// <summary>A link to <c>/{purpose}/{token}</c> for <paramref name="claim"/>.</summary>
    public Uri For(LinkClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new Uri(publicBaseUrl, PublicRoutes.LinkPagePath(claim.Purpose, tokens.Create(claim)));
    }

    /// <summary>
    /// Reads a link's token for <paramref name="purpose"/>: <see langword="null"/> when it is forged, altered or made
    /// for another page (all shown as <see cref="LinkOutcome.Forged"/>); otherwise its claim, and whether it has expired
    /// (genuine, so the page may still say what it was for).
    /// </summary>
    public OpenedLink? Open(string? token, string purpose)
    {
        var (state, claim) = tokens.Read(token, purpose);
        return state is LinkTokenState.Forged or LinkTokenState.WrongPurpose || claim is null
            ? null
            : new OpenedLink(claim, state == LinkTokenState.Expired);
    }

    /// <summary>Whether a single-use link has been spent.</summary>
    public Task<bool> IsSpentAsync(string tokenId, CancellationToken cancellation = default) =>
        spent.WasRecordedAsync(SpentScope, tokenId, cancellation);

    /// <summary>Spends a single-use link; <see langword="false"/> when it was spent already (a double click, a second tab).</summary>
    public Task<bool> TrySpendAsync(string tokenId, CancellationToken cancellation = default) =>
        spent.TryRecordOnceAsync(SpentScope, tokenId, cancellation);
}
