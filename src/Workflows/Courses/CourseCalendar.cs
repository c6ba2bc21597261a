namespace Workflows.Courses;

/// <summary>
/// Which course edition a new nurse goes to. The intro course is held in December; a nurse registered in December
/// or later goes to next year's. The basic course follows the intro course: next year's edition (Ahus holds it in
/// January, Førde in November), so the nurse has had the intro first.
/// </summary>
public static class CourseCalendar
{
    /// <summary>The year of the next intro course for a nurse starting on <paramref name="registered"/>.</summary>
    public static int NextIntroCourseYear(DateOnly registered) => registered.Month == 12 ? registered.Year + 1 : registered.Year;

    /// <summary>The year of the basic course for a nurse starting on <paramref name="registered"/>.</summary>
    public static int NextBasicCourseYear(DateOnly registered) => NextIntroCourseYear(registered) + 1;
}
