using Microsoft.Extensions.Time.Testing;
using Workflows.Adapters.Registry;
using Workflows.Courses;
using Workflows.Network;
using Workflows.Tests.Support;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Tests.Wheel.Events;

/// <summary>An event's audience becomes people from the registry as it is on the day: enrolled nurses, their leaders, groups.</summary>
public sealed class AudienceResolverTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "audience-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteRegistryStore store;
    private readonly NetworkRegistry registry;

    public AudienceResolverTests()
    {
        store = new SqliteRegistryStore(Path.Combine(folder, "registry.db"));
        registry = new NetworkRegistry(store, new FakeTimeProvider(new DateTimeOffset(2026, 10, 29, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task NewNursesAndLeaders_AreTheEnrolledActiveNursesAndTheirLeadersOnce()
    {
        await SeedAsync();

        var people = await new AudienceResolver(registry).ResolveAsync(Occurrence([Audience.NewNurses, Audience.Leaders]));

        Assert.Equal(
            ["anne@testkommune.example", "berit@testkommune.example", "leder.testenhet@testnett.example"],
            people.Select(p => p.Email));
    }

    [Fact]
    public async Task BasicCourseNurses_AreThoseEnrolledForThisYearsBasicCourse()
    {
        await SeedAsync();

        var people = await new AudienceResolver(registry).ResolveAsync(Occurrence([Audience.BasicCourseNurses]));

        Assert.Equal(["anne@testkommune.example"], people.Select(p => p.Email));
    }

    [Fact]
    public async Task NursesAreaLeadersAndWorkingGroup_AreEveryActiveNurseTheAreaLeaderAndTheNetworkLeader()
    {
        await SeedAsync();

        var people = await new AudienceResolver(registry).ResolveAsync(Occurrence([Audience.Nurses, Audience.AreaLeaders, Audience.WorkingGroup]));

        Assert.Equal(
            ["anne@testkommune.example", "berit@testkommune.example", "cecilie@testkommune.example", "leder@testnett.example", "omrade@testnett.example"],
            people.Select(p => p.Email));
    }

    public void Dispose()
    {
        store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static WheelOccurrence Occurrence(IReadOnlyList<Audience> audience) =>
        SampleNetwork.Occurrence(WheelEventKind.IntroCourse, "Introduksjonskurs", new DateOnly(2026, 12, 3), audience);

    /// <summary>Anne (enrolled in the intro and basic course), Berit (intro), Cecilie (none), Dag (enrolled, but no longer in the role).</summary>
    private async Task SeedAsync()
    {
        await registry.CreateAsync(SampleNetwork.Network(), "test");
        await registry.CreateAsync(SampleNetwork.Area(), "test");
        await registry.CreateAsync(SampleNetwork.Unit(), "test");
        string[] names = ["Anne", "Berit", "Cecilie", "Dag"];
        for (var i = 0; i < names.Length; i++)
        {
            var nurse = SampleNetwork.Nurse(id: $"rn-test00000{i}") with
            {
                Name = names[i],
                Email = $"{names[i].ToLowerInvariant()}@testkommune.example",
                Status = names[i] == "Dag" ? NurseStatus.Inactive : NurseStatus.Active,
            };
            await registry.CreateAsync(nurse, "test");
        }

        async Task EnrolAsync(int nurse, CourseKind course) => await registry.CreateAsync(
            new CourseEnrolment { Id = CourseEnrolment.IdFor($"rn-test00000{nurse}", course, 2026), NetworkId = "testnett", NurseId = $"rn-test00000{nurse}", Course = course, Year = 2026 },
            "test");
        await EnrolAsync(0, CourseKind.IntroCourse);
        await EnrolAsync(0, CourseKind.BasicCourse);
        await EnrolAsync(1, CourseKind.IntroCourse);
        await EnrolAsync(3, CourseKind.IntroCourse);
    }
}
