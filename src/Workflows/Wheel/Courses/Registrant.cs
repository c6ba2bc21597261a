namespace Workflows.Wheel.Courses;

/// <summary>Someone who registered for a course or subject day.</summary>
/// <param name="Email">Their address (the key: one registration per address).</param>
/// <param name="Name">Their name.</param>
/// <param name="At">When they registered (a waitlist is served in this order).</param>
public sealed record Registrant(string Email, string Name, DateTimeOffset At);
