using Workflows.Network;
using Workflows.Wheel.Calendar;

namespace Workflows.Tests.Wheel;

public sealed class CalendarReaderTests
{
    [Theory]
    [InlineData("second Tuesday of October", 2026, "2026-10-13")]
    [InlineData("first Thursday of December", 2026, "2026-12-03")]
    [InlineData("last Friday of November", 2026, "2026-11-27")]
    [InlineData("last Tuesday of November", 2026, "2026-11-24")]
    [InlineData("fourth Thursday of March", 2027, "2027-03-25")]
    [InlineData("first Monday of February", 2027, "2027-02-01")]
    public void Rules_give_the_date_they_say(string rule, int year, string expected)
    {
        var parsed = DateRule.TryParse(rule);

        Assert.NotNull(parsed);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.In(year));
        Assert.Equal(rule, parsed.ToString(), ignoreCase: true);
    }

    [Theory]
    [InlineData("fifth Monday of May")]
    [InlineData("second Tirsdag of October")]
    [InlineData("second Tuesday in Oktober")]
    [InlineData("every Tuesday")]
    public void Text_that_is_not_a_rule_is_refused(string text) => Assert.Null(DateRule.TryParse(text));

    [Fact]
    public void The_shipped_calendars_are_valid_and_cover_the_three_networks()
    {
        var calendars = new NetworkCalendars();

        Assert.Equal(["ahus", "helse-forde", "innlandet"], calendars.All.Select(c => c.NetworkId).Order(StringComparer.Ordinal));
        Assert.Equal(NetworkLanguage.Nynorsk, calendars.For("helse-forde")!.Language);
        Assert.Equal(NetworkLanguage.Bokmal, calendars.For("ahus")!.Language);
        foreach (var calendar in calendars.All)
        {
            var kinds = calendar.Events.Select(e => e.Kind).ToHashSet();
            Assert.Superset(
                new HashSet<WheelEventKind>
                {
                    WheelEventKind.StrategyRevision, WheelEventKind.AnnualReportPublication, WheelEventKind.LeadersMeeting, WheelEventKind.LocalGathering,
                    WheelEventKind.SubjectDay, WheelEventKind.IntroCourse, WheelEventKind.BasicCourse, WheelEventKind.AnnualReporting, WheelEventKind.Newsletter,
                },
                kinds);
            Assert.Equal(2, calendar.Events.Count(e => e.Kind == WheelEventKind.Newsletter));
        }
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_with_its_line_and_field()
    {
        const string yaml = """
            network: testnett
            version: 1
            language: nb
            events:
              - id: subject-day
                kind: subject-day
                title: Fagdag
                rule: second Tuesday of October
                audience: [nurses, leaders]
              - id: subject-day
                kind: subjectday
                title: Fagdag igjen
                date: 2026-13-01
                audience: [nurses, managers]
                invitation: 14
                reminders: [7, 21]
                colour: blue
              - id: gathering
                kind: local-gathering
                title: Samling
                date: 2026-03-03
                rule: first Tuesday of March
                time: 15:00-09:00
            """;

        var error = Assert.Throws<CalendarValidationException>(() => CalendarReader.Read(yaml, "testnett.yaml"));

        Assert.Contains(new CalendarError(11, "events[1].kind", "'subjectday' is not an event kind: use one of strategy-revision, yearly-evaluation, annual-report-publication, leaders-meeting, working-group-meeting, local-gathering, subject-day, intro-course, basic-course, annual-reporting, newsletter."), error.Errors);
        Assert.Contains(error.Errors, e => e is { Line: 13, Field: "events[1].date" } && e.Message.Contains("2026-13-01", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is { Line: 14, Field: "events[1].audience[1]" } && e.Message.Contains("managers", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is { Line: 16, Field: "events[1].reminders[1]" });
        Assert.Contains(error.Errors, e => e is { Line: 17, Field: "events[1].colour" } && e.Message.StartsWith("Unknown field", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is { Line: 21, Field: "events[2].date" } && e.Message.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is { Line: 23, Field: "events[2].time" });
        Assert.Contains(error.Errors, e => e is { Field: "events[2].area" } && e.Message.Contains("local gathering", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is { Field: "events[2].audience" } && e.Message.StartsWith("Required", StringComparison.Ordinal));
        Assert.Contains("testnett.yaml: line 11, events[1].kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_and_broken_yaml_are_reported()
    {
        const string duplicate = """
            network: testnett
            version: 2
            language: nn
            events:
              - { id: fagdag, kind: subject-day, title: Fagdag, rule: second Tuesday of October, audience: [nurses] }
              - { id: fagdag, kind: subject-day, title: Fagdag, date: 2026-10-20, audience: [nurses] }
            """;

        var twice = Assert.Throws<CalendarValidationException>(() => CalendarReader.Read(duplicate, "a.yaml"));
        var broken = Assert.Throws<CalendarValidationException>(() => CalendarReader.Read("network: [unclosed\nversion: 1", "b.yaml"));

        Assert.Equal(new CalendarError(6, "events[1].id", "'fagdag' is used by an earlier event; ids must be unique."), Assert.Single(twice.Errors));
        Assert.StartsWith("Not valid YAML", Assert.Single(broken.Errors).Message, StringComparison.Ordinal);
    }
}
