using Workflows.Documents.Letters;
using Workflows.Network;

namespace Workflows.Signing;

/// <summary>What the signing page shows: the outcome, and for a good link the document, the signer and the statement.</summary>
public sealed record SigningView : ILinkView
{
    /// <summary>What the link led to.</summary>
    public required LinkOutcome Outcome { get; init; }

    /// <summary>The page's language (Bokmål when the network is unknown).</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The network's name.</summary>
    public string? NetworkName { get; init; }

    /// <summary>The nurse the function description is for.</summary>
    public string? NurseName { get; init; }

    /// <summary>The signer's name.</summary>
    public string? SignerName { get; init; }

    /// <summary>The signer's role.</summary>
    public SignerRole? Role { get; init; }

    /// <summary>The function description's text.</summary>
    public FunctionDescriptionText? Document { get; init; }

    /// <summary>A time-limited link to the PDF the signer confirms.</summary>
    public Uri? DocumentLink { get; init; }

    /// <summary>The PDF's SHA-256.</summary>
    public string? DocumentSha256 { get; init; }
}
