using Workflows.Wheel.Calendar;
using Workflows.Wheel.Plan;

namespace Workflows.Courses;

/// <summary>
/// Which course edition a new resource nurse goes to, read from the network's calendar (which owns course dates): the
/// first intro course whose invitation has not gone out yet, so the nurse is on its list when it does, and the first
/// basic course after that intro course, so the nurse has had the intro first.
/// </summary>
public sealed class CourseCalendar(NetworkCalendars calendars)
{
    /// <summary>The intro course for a nurse registered on <paramref name="registered"/>.</summary>
    public CourseEdition IntroCourseFor(string networkId, DateOnly registered) =>
        Next(networkId, WheelEventKind.IntroCourse, o => o.InvitationOn > registered, registered.Year);

    /// <summary>The basic course after <paramref name="intro"/>.</summary>
    public CourseEdition BasicCourseAfter(string networkId, CourseEdition intro)
    {
        ArgumentNullException.ThrowIfNull(intro);
        return Next(networkId, WheelEventKind.BasicCourse, o => intro.Date is { } day ? o.Date > day : o.Year > intro.Year, intro.Year);
    }

    /// <summary>
    /// The first such course in the calendar this year or next; when it plans none (a calendar of fixed dates not yet
    /// written for next year), next year's edition, its date to come.
    /// </summary>
    private CourseEdition Next(string networkId, WheelEventKind kind, Func<WheelOccurrence, bool> eligible, int fromYear)
    {
        var calendar = calendars.For(networkId);
        var next = calendar is null
            ? null
            : Enumerable.Range(fromYear, 2).SelectMany(year => WheelPlan.For(calendar, year)).FirstOrDefault(o => o.Kind == kind && eligible(o));
        return next is null ? new CourseEdition(fromYear + 1, null) : new CourseEdition(next.Year, next.Date);
    }
}
