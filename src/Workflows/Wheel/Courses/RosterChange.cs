namespace Workflows.Wheel.Courses;

/// <summary>What a registration or cancellation did to a roster.</summary>
/// <param name="Changed">False when it changed nothing (registered already, not registered, closed).</param>
/// <param name="State">Where the person stands now.</param>
/// <param name="WaitlistPlace">Their 1-based waitlist place; 0 when not waiting.</param>
/// <param name="Promoted">Whoever got a seat from the waitlist because of it.</param>
/// <param name="Header">The roster after it.</param>
/// <param name="Counts">The roster's counts after it, with the version they were stored at.</param>
public sealed record RosterChange(bool Changed, RegistrationState State, int WaitlistPlace, Registrant? Promoted, RosterHeader Header, RosterCounts Counts);
