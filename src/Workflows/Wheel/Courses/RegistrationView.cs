using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Wheel.Courses;

/// <summary>What a personal registration link shows: the course, the person's place, and the seats left.</summary>
public sealed record RegistrationView : ILinkView
{
    /// <summary>What happened.</summary>
    public required LinkOutcome Outcome { get; init; }

    /// <summary>The page's language.</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The course's title.</summary>
    public string? Title { get; init; }

    /// <summary>When and where, in words.</summary>
    public string? When { get; init; }

    /// <summary>Where.</summary>
    public string? Location { get; init; }

    /// <summary>The person the link is for.</summary>
    public string? PersonName { get; init; }

    /// <summary>Their place.</summary>
    public RegistrationState State { get; init; }

    /// <summary>Their waitlist place, when waitlisted.</summary>
    public int WaitlistPlace { get; init; }

    /// <summary>Seats left; null without a limit.</summary>
    public int? SeatsLeft { get; init; }

    /// <summary>Whether registration is still open.</summary>
    public bool Open { get; init; }
}
