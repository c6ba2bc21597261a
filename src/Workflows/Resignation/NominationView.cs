using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Resignation;

/// <summary>What the nomination page shows: the outcome, the unit, and for a rejected form the faults per field.</summary>
public sealed record NominationView : ILinkView
{
    /// <summary>What the link led to.</summary>
    public required LinkOutcome Outcome { get; init; }

    /// <summary>The page's language.</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The network's name.</summary>
    public string? NetworkName { get; init; }

    /// <summary>The unit needing a nurse.</summary>
    public string? UnitName { get; init; }

    /// <summary>The leader asked.</summary>
    public string? LeaderName { get; init; }

    /// <summary>The nurse leaving.</summary>
    public string? LeavingNurseName { get; init; }

    /// <summary>Field faults of a submitted form (camelCase field to messages).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The nurse registered, once done.</summary>
    public string? ReplacementNurseId { get; init; }
}
