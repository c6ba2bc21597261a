using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Wheel.Reports;

/// <summary>What an approval link shows.</summary>
public sealed record ApprovalView : ILinkView
{
    /// <summary>What happened.</summary>
    public required LinkOutcome Outcome { get; init; }

    /// <summary>The page's language.</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The document to approve, with its article.</summary>
    public string? What { get; init; }

    /// <summary>A link to read it.</summary>
    public Uri? DocumentLink { get; init; }

    /// <summary>Who the link is for.</summary>
    public string? ApproverName { get; init; }
}
