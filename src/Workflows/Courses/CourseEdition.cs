namespace Workflows.Courses;

/// <summary>A course's edition: the wheel year it belongs to, and its first day when the calendar has it.</summary>
/// <param name="Year">The wheel year whose course this is (enrolments are kept by it).</param>
/// <param name="Date">The first day; null when the calendar has not set next year's date yet.</param>
public sealed record CourseEdition(int Year, DateOnly? Date);
