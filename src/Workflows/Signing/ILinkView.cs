using Workflows.Network;

namespace Workflows.Signing;

/// <summary>What a desk behind an emailed link found: the outcome and the language the page answers in.</summary>
public interface ILinkView
{
    /// <summary>What the link led to.</summary>
    LinkOutcome Outcome { get; }

    /// <summary>The network's language.</summary>
    NetworkLanguage Language { get; }
}
