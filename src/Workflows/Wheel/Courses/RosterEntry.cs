namespace Workflows.Wheel.Courses;

/// <summary>
/// One person on a course's roster, stored as an item of its own beside the roster (keyed by <see cref="KeyFor"/>):
/// a registration writes this one entry and the roster's counts, not everyone registered before.
/// </summary>
/// <param name="Email">Their address.</param>
/// <param name="Name">Their name.</param>
/// <param name="At">When they registered.</param>
/// <param name="Order">
/// Their place in line on their list: taken from the roster's counter when they registered, and again when a seat
/// came to them from the waitlist, so the seated read in the order they got their seats.
/// </param>
/// <param name="State">Seated or waitlisted.</param>
public sealed record RosterEntry(string Email, string Name, DateTimeOffset At, long Order, RegistrationState State)
{
    /// <summary>Who registered, as the emails and pages name them.</summary>
    public Registrant Registrant => new(Email, Name, At);

    /// <summary>The entry's key: one registration per address, whatever its case.</summary>
    public static string KeyFor(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
