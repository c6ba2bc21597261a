namespace Workflows.Wheel.Courses;

/// <summary>
/// The seats and waitlist of one course day (subject day, intro or basic course) as a whole, read from its
/// <see cref="RosterHeader"/> and entries: for the operator's page and API, the reminders, attendance and certificates.
/// </summary>
public sealed record CourseRoster
{
    /// <summary>The course's orchestration instance id (<c>{network}-{event}-{year}</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The network the course belongs to.</summary>
    public required string NetworkId { get; init; }

    /// <summary>Seats; null when there is no limit.</summary>
    public int? Capacity { get; init; }

    /// <summary>Whether registration is still open.</summary>
    public bool Open { get; init; } = true;

    /// <summary>Those with a seat, in the order they got it.</summary>
    public IReadOnlyList<Registrant> Seated { get; init; } = [];

    /// <summary>Those waiting for a seat, first come first served.</summary>
    public IReadOnlyList<Registrant> Waitlist { get; init; } = [];

    /// <summary>The addresses the operator marked as present.</summary>
    public IReadOnlyList<string> Attended { get; init; } = [];

    /// <summary>Where <paramref name="email"/> stands.</summary>
    public RegistrationState StateOf(string email) =>
        Seated.Any(r => Same(r.Email, email)) ? RegistrationState.Seated
        : Waitlist.Any(r => Same(r.Email, email)) ? RegistrationState.Waitlisted
        : RegistrationState.None;

    /// <summary>The 1-based place of <paramref name="email"/> on the waitlist; 0 when not on it.</summary>
    public int WaitlistPlace(string email) => Waitlist.Select((r, i) => (r, i)).Where(x => Same(x.r.Email, email)).Select(x => x.i + 1).FirstOrDefault();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
