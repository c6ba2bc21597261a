using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Wheel.Uploads;

/// <summary>What an upload link shows: whose event, what to upload, and the outcome.</summary>
public sealed record UploadView
{
    /// <summary>What happened.</summary>
    public required LinkOutcome Outcome { get; init; }

    /// <summary>The page's language.</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The network.</summary>
    public string? NetworkName { get; init; }

    /// <summary>The event's title.</summary>
    public string? EventTitle { get; init; }

    /// <summary>The event's day, in words.</summary>
    public string? EventDay { get; init; }

    /// <summary>A problem with the file sent, for the form.</summary>
    public string? FileError { get; init; }
}
