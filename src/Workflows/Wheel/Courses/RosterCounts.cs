namespace Workflows.Wheel.Courses;

/// <summary>Seats taken and places on the waitlist, for the course's status.</summary>
/// <param name="Seated">Seats taken.</param>
/// <param name="Waitlisted">Waiting.</param>
public sealed record RosterCounts(int Seated, int Waitlisted);
