using Workflows.Wheel.Calendar;
using Workflows.Wheel.Plan;

namespace Workflows.Tests.Wheel;

public sealed class WheelPlanTests
{
    private static readonly NetworkCalendars Calendars = new();

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Forde_2026_has_the_dates_of_its_yearly_plan()
    {
        var plan = WheelPlan.For(Calendars.For("helse-forde")!, 2026);

        var gatherings = plan.Where(o => o.Kind == WheelEventKind.LocalGathering).Select(o => (o.Area, o.Date)).ToList();
        Assert.Equal(
            [
                ("forde-sunnfjord", Day("2026-03-03")), ("forde-nordfjord", Day("2026-03-10")), ("forde-sogn", Day("2026-03-24")),
                ("forde-sogn", Day("2026-10-13")), ("forde-nordfjord", Day("2026-10-20")), ("forde-sunnfjord", Day("2026-10-27")),
            ],
            gatherings);
        var basic = Assert.Single(plan, o => o.Kind == WheelEventKind.BasicCourse);
        Assert.Equal(Day("2026-11-10"), basic.Date);
        Assert.Equal("helse-forde-basic-course-2026", basic.InstanceId);
        Assert.Equal(Day("2026-12-03"), Assert.Single(plan, o => o.Kind == WheelEventKind.IntroCourse).Date);
        Assert.Equal(plan.OrderBy(o => o.Date).Select(o => o.EventId), plan.Select(o => o.EventId));
    }

    [Fact]
    public void Dated_events_happen_in_their_year_only_and_rules_every_year()
    {
        var plan2027 = WheelPlan.For(Calendars.For("helse-forde")!, 2027);

        Assert.DoesNotContain(plan2027, o => o.Kind == WheelEventKind.LocalGathering);
        Assert.Equal(Day("2027-10-14"), Assert.Single(plan2027, o => o.Kind == WheelEventKind.SubjectDay).Date);
        Assert.Equal("helse-forde-subject-day-2027", Assert.Single(plan2027, o => o.Kind == WheelEventKind.SubjectDay).InstanceId);
    }

    [Fact]
    public void Times_are_Oslo_wall_clock_across_summer_time_and_lead_days_count_back_from_the_event()
    {
        var plan = WheelPlan.For(Calendars.For("helse-forde")!, 2026);

        var spring = Assert.Single(plan, o => o.EventId == "gathering-sogn-spring");
        var autumn = Assert.Single(plan, o => o.EventId == "gathering-sogn-autumn");
        Assert.Equal(new DateTimeOffset(2026, 3, 24, 9, 0, 0, TimeSpan.Zero), spring.Starts);
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 8, 0, 0, TimeSpan.Zero), autumn.Starts);
        Assert.Equal(Day("2026-02-24"), spring.InvitationOn);
        Assert.Equal([Day("2026-03-17"), Day("2026-03-23")], spring.RemindersOn);
        Assert.Equal(Day("2026-04-07"), spring.FollowUpBy);

        var ahusBasic = Assert.Single(WheelPlan.For(Calendars.For("ahus")!, 2027), o => o.Kind == WheelEventKind.BasicCourse);
        Assert.Equal((Day("2027-01-19"), Day("2027-01-20")), (ahusBasic.Date, ahusBasic.LastDate));
    }
}
