namespace Workflows.Wheel.Courses;

/// <summary>The event the operator's attendance list raises on a course's orchestration.</summary>
/// <param name="Attended">How many were marked present.</param>
public sealed record AttendanceRecorded(int Attended)
{
    /// <summary>The event's name.</summary>
    public const string EventName = "attendance-recorded";
}
