using Workflows.Courses;
using Workflows.Wheel.Calendar;

namespace Workflows.Tests.Courses;

/// <summary>A new nurse's courses come from the network's calendar, which owns course dates.</summary>
public sealed class CourseCalendarTests
{
    private static readonly CourseCalendar Courses = new(new NetworkCalendars());

    [Fact]
    public void IntroCourseFor_Spring_IsThisDecembersCourse_AndTheBasicCourseFollowsIt()
    {
        // Ahus: intro course on the first Thursday of December, basic course on the third Tuesday of January.
        var intro = Courses.IntroCourseFor("ahus", new DateOnly(2026, 3, 2));
        var basic = Courses.BasicCourseAfter("ahus", intro);

        Assert.Equal(new CourseEdition(2026, new DateOnly(2026, 12, 3)), intro);
        Assert.Equal(new CourseEdition(2027, new DateOnly(2027, 1, 19)), basic);
    }

    [Fact]
    public void IntroCourseFor_AfterItsInvitationWentOut_IsNextYearsCourse()
    {
        // The invitation goes out 35 days before 3 December 2026, on 29 October: a nurse registered that day or later
        // would never be invited, so goes to 2 December 2027.
        Assert.Equal(new DateOnly(2026, 12, 3), Courses.IntroCourseFor("ahus", new DateOnly(2026, 10, 28)).Date);
        Assert.Equal(new CourseEdition(2027, new DateOnly(2027, 12, 2)), Courses.IntroCourseFor("ahus", new DateOnly(2026, 10, 29)));
    }

    [Fact]
    public void BasicCourseAfter_ACalendarWithoutNextYearsDate_IsNextYearsEditionWithoutADate()
    {
        // Helse Førde's basic course is dated 10 November 2026 only: after the intro course of 3 December 2026 there
        // is none in the calendar yet.
        var intro = Courses.IntroCourseFor("helse-forde", new DateOnly(2026, 3, 2));

        Assert.Equal(new CourseEdition(2026, new DateOnly(2026, 12, 3)), intro);
        Assert.Equal(new CourseEdition(2027, null), Courses.BasicCourseAfter("helse-forde", intro));
    }

    [Fact]
    public void IntroCourseFor_NetworkWithoutCalendar_IsNextYearsEditionWithoutADate() =>
        Assert.Equal(new CourseEdition(2027, null), Courses.IntroCourseFor("nowhere", new DateOnly(2026, 3, 2)));
}
