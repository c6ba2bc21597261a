namespace Workflows.Wheel.Courses;

/// <summary>
/// What the registration page tells the course's orchestration after a change, so the emails about it (confirmation
/// with .ics, waitlist place, a seat freed up) go out from activities, once each.
/// </summary>
/// <param name="Email">Who acted.</param>
/// <param name="Name">Their name.</param>
/// <param name="State">Where they stand now.</param>
/// <param name="WaitlistPlace">Their waitlist place, when waitlisted.</param>
/// <param name="Promoted">Whoever got a seat from the waitlist because of this change.</param>
/// <param name="Counts">
/// The roster's counts right after the change, for the course's status; null in events raised before the page sent
/// them, for which the course counts the roster itself.
/// </param>
public sealed record RosterChanged(string Email, string Name, RegistrationState State, int WaitlistPlace, Registrant? Promoted, RosterCounts? Counts = null)
{
    /// <summary>The event's name.</summary>
    public const string EventName = "roster-changed";
}
