namespace Workflows.Wheel.Courses;

/// <summary>Seats taken and places on the waitlist, for the course's status.</summary>
/// <param name="Seated">Seats taken.</param>
/// <param name="Waitlisted">Waiting.</param>
/// <param name="Version">The roster's stored version they were counted at (0 when not known): a later count wins.</param>
public sealed record RosterCounts(int Seated, int Waitlisted, long Version = 0)
{
    /// <summary>The counts of <paramref name="roster"/> stored at <paramref name="version"/>.</summary>
    public static RosterCounts Of(RosterHeader roster, long version)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return new RosterCounts(roster.Seated, roster.Waiting, version);
    }
}
