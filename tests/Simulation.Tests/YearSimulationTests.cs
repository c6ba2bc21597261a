namespace Workflows.Simulation.Tests;

/// <summary>The simulation runs Helse Førde's 2026 on a fake clock and prints the year as it would go out.</summary>
public sealed class YearSimulationTests
{
    [Fact]
    public async Task Forde_2026_prints_its_dated_gatherings_courses_and_documents_in_order()
    {
        using var output = new StringWriter();

        var exit = await YearSimulation.RunAsync(["--network", "helse-forde", "--year", "2026", "--nurses-per-unit", "2"], output);

        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.StartsWith("Simulating helse-forde 2026: calendar helse-forde.yaml v1, 14 resource nurses, 15 events", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2026-02-24 06:00  mail", StringComparison.Ordinal) && l.EndsWith("Invitasjon: Lokalgruppesamling Sogn 24. mars 2026", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-10-13 15:00  mail", StringComparison.Ordinal) && l.Contains("Last opp referatet frå Lokalgruppesamling Sogn 13. oktober 2026", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-10-08 15:30  mail", StringComparison.Ordinal) && l.Contains("Kursbevis: Årleg fagdag", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-09-29 06:00  mail", StringComparison.Ordinal) && l.Contains("Invitasjon og påmelding: Grunnkurs i palliasjon 10. november 2026", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Påminnelse", StringComparison.Ordinal) || l.Contains("ahus/", StringComparison.Ordinal));
        var timeline = lines.Where(l => l.Length > 16 && char.IsDigit(l[0]) && l[13] == ':').Select(l => l[..16]).ToList();
        Assert.Equal(timeline.Order(StringComparer.Ordinal), timeline);
        Assert.Contains(lines, l => l.StartsWith("2026-03-24  gathering-sogn-spring", StringComparison.Ordinal) && l.Contains("Done", StringComparison.Ordinal));
        Assert.StartsWith("Year done in", lines.Single(l => l.StartsWith("Year done", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--network helse-forde --year 1800")]
    [InlineData("--network nowhere")]
    [InlineData("--network ahus --colour blue")]
    public async Task Bad_arguments_are_explained_and_exit_non_zero(string command)
    {
        using var output = new StringWriter();

        var exit = await YearSimulation.RunAsync(command.Split(' ', StringSplitOptions.RemoveEmptyEntries), output);

        Assert.Equal(2, exit);
        Assert.NotEmpty(output.ToString());
    }
}
