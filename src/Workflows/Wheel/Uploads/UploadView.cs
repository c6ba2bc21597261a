using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Wheel.Uploads;

/// <summary>What an upload link shows: whose event, what to upload, and the outcome.</summary>
public sealed record UploadView : ILinkView
{
    /// <summary>What happened.</summary>
    public required LinkOutcome Outcome { get; init; }

    /// <summary>The page's language.</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The network.</summary>
    public string? NetworkName { get; init; }

    /// <summary>The document asked for, with its article ("referatet frå …").</summary>
    public string? What { get; init; }

    /// <summary>Who it goes to once uploaded.</summary>
    public string? SharedWith { get; init; }

    /// <summary>A problem with the file sent, for the form.</summary>
    public string? FileError { get; init; }
}
