using Microsoft.Extensions.Time.Testing;
using Azure.Data.Tables;
using Workflows.Adapters.Registry;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.TestSupport;
using Workflows.Tests.Support;
using Workflows.Wheel.Courses;

namespace Workflows.Tests.Wheel.Courses;

/// <summary>Rosters as a header and an entry per person, on each registry store: SQLite, and Azure Tables in Azurite.</summary>
public abstract class CourseRostersTests : IAsyncLifetime
{
    private const string Course = "ahus-subject-day-2026";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
    private IRegistryStore store = null!;
    private NetworkRegistry registry = null!;
    private CourseRosters rosters = null!;

    public Task InitializeAsync()
    {
        store = CreateStore();
        registry = new NetworkRegistry(store, clock);
        rosters = new CourseRosters(registry, clock);
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        (store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract IRegistryStore CreateStore();

    private static string Email(int n) => $"person{n}@example.no";

    private async Task<RosterChange> RegisterAsync(int n)
    {
        clock.Advance(TimeSpan.FromMinutes(1));
        return await rosters.RegisterAsync((await rosters.FindHeaderAsync(Course))!, Email(n), $"Person {n}", "test");
    }

    private async Task<RosterChange> CancelAsync(string email) => await rosters.CancelAsync((await rosters.FindHeaderAsync(Course))!, email, "test");

    /// <summary>The roster as "seated | waiting", for comparing whole lists in one assertion.</summary>
    private async Task<string> ListsAsync()
    {
        var roster = await rosters.GetAsync(Course);
        return Lists([.. roster.Seated.Select(r => r.Email)], [.. roster.Waitlist.Select(r => r.Email)]);
    }

    private static string Lists(string[] seated, string[] waiting) => $"{string.Join(", ", seated)} | {string.Join(", ", waiting)}";

    [Fact]
    public async Task Register_SeatsUntilFull_ThenWaitlistsInOrder_WithPlacesAndCounts()
    {
        Assert.True(await rosters.OpenAsync(Course, "ahus", 2, "test"));
        Assert.False(await rosters.OpenAsync(Course, "ahus", 2, "test"));

        var changes = new List<RosterChange>();
        for (var n = 1; n <= 4; n++)
        {
            changes.Add(await RegisterAsync(n));
        }

        Assert.Equal([RegistrationState.Seated, RegistrationState.Seated, RegistrationState.Waitlisted, RegistrationState.Waitlisted], changes.Select(c => c.State));
        Assert.Equal([0, 0, 1, 2], changes.Select(c => c.WaitlistPlace));
        Assert.Equal(Lists([Email(1), Email(2)], [Email(3), Email(4)]), await ListsAsync());
        Assert.Equal((RegistrationState.Waitlisted, 2), await rosters.PlaceOfAsync((await rosters.FindHeaderAsync(Course))!.Entity, "PERSON4@example.no"));
        var counts = await rosters.CountAsync(Course);
        Assert.Equal((2, 2), (counts.Seated, counts.Waitlisted));
        Assert.Equal(changes[^1].Counts, counts);
    }

    [Fact]
    public async Task Register_Twice_OrWithAnotherCase_KeepsOnePlace_AndWhenClosed_ChangesNothing()
    {
        await rosters.OpenAsync(Course, "ahus", 5, "test");
        await RegisterAsync(1);

        var again = await rosters.RegisterAsync((await rosters.FindHeaderAsync(Course))!, "Person1@Example.NO", "Person 1", "test");
        Assert.Equal((false, RegistrationState.Seated), (again.Changed, again.State));
        Assert.Equal(1, await rosters.CloseAsync(Course, "test"));
        Assert.False((await RegisterAsync(2)).Changed);
        Assert.Equal(Lists([Email(1)], []), await ListsAsync());
    }

    [Fact]
    public async Task Register_WithoutCapacity_NeverWaitlists()
    {
        await rosters.OpenAsync(Course, "ahus", null, "test");
        for (var n = 1; n <= 30; n++)
        {
            await RegisterAsync(n);
        }

        Assert.Equal(30, (await rosters.GetAsync(Course)).Seated.Count);
        Assert.Null((await rosters.FindHeaderAsync(Course))!.Entity.SeatsLeft);
    }

    [Fact]
    public async Task Cancel_Seat_GoesToTheFirstWaiting_WhoIsSeatedLast_AndTheTrailNamesOnlyThoseWhoMoved()
    {
        await rosters.OpenAsync(Course, "ahus", 2, "test");
        for (var n = 1; n <= 4; n++)
        {
            await RegisterAsync(n);
        }

        var cancelled = await CancelAsync(Email(1));

        Assert.Equal((RegistrationState.None, Email(3)), (cancelled.State, cancelled.Promoted?.Email));
        Assert.Equal(Lists([Email(2), Email(3)], [Email(4)]), await ListsAsync());
        Assert.Equal((RegistrationState.Waitlisted, 1), await rosters.PlaceOfAsync((await rosters.FindHeaderAsync(Course))!.Entity, Email(4)));
        Assert.Equal((2, 1), (cancelled.Counts.Seated, cancelled.Counts.Waitlisted));
        var entry = (await registry.AuditTrailAsync<RosterHeader>(Course))[^1];
        Assert.Equal("cancelled", entry.Action);
        Assert.Contains(Email(1), entry.Changes["seated"].Before, StringComparison.Ordinal);
        Assert.Contains(Email(3), entry.Changes["seated"].After, StringComparison.Ordinal);
        Assert.Contains(Email(3), entry.Changes["waitlist"].Before, StringComparison.Ordinal);
        Assert.DoesNotContain(Email(2), string.Concat(entry.Changes.Values.Select(c => c.Before + c.After)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_FromTheWaitlist_KeepsTheSeatsAndTheOthersOrder_AndSomeoneNotRegistered_ChangesNothing()
    {
        await rosters.OpenAsync(Course, "ahus", 1, "test");
        for (var n = 1; n <= 4; n++)
        {
            await RegisterAsync(n);
        }

        Assert.Null((await CancelAsync(Email(3))).Promoted);
        Assert.False((await CancelAsync("stranger@example.no")).Changed);
        Assert.Equal(Lists([Email(1)], [Email(2), Email(4)]), await ListsAsync());
        Assert.Equal(3, (await RegisterAsync(3)).WaitlistPlace);
    }

    [Fact]
    public async Task ARushOfRegistrations_SeatsExactlyTheSeats_AndGivesEveryoneElseTheirOwnPlace()
    {
        await rosters.OpenAsync(Course, "ahus", 5, "test");
        var header = (await rosters.FindHeaderAsync(Course))!;

        var changes = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(() => rosters.RegisterAsync(header, Email(n), $"Person {n}", "test"))));

        Assert.Equal(5, changes.Count(c => c.State == RegistrationState.Seated));
        Assert.Equal(Enumerable.Range(1, 15), changes.Where(c => c.State == RegistrationState.Waitlisted).Select(c => c.WaitlistPlace).Order());
        var roster = await rosters.GetAsync(Course);
        Assert.Equal((5, 15), (roster.Seated.Count, roster.Waitlist.Count));
        Assert.Equal(20, roster.Seated.Concat(roster.Waitlist).Select(r => r.Email).Distinct().Count());
    }

    [Fact]
    public async Task ARosterStoredAsOneRecord_KeepsItsPeopleFirst_TakesNewcomersAsEntries_AndPromotesItsOwnWaitingFirst()
    {
        // As a course under way stored its roster before people became entries: everyone in the one record.
        var legacy = $$"""
            {"id":"{{Course}}","networkId":"ahus","capacity":2,"open":true,
             "seated":[{"email":"{{Email(1)}}","name":"Person 1","at":"2026-08-01T08:00:00+00:00"},{"email":"{{Email(2)}}","name":"Person 2","at":"2026-08-01T09:00:00+00:00"}],
             "waitlist":[{"email":"{{Email(3)}}","name":"Person 3","at":"2026-08-01T10:00:00+00:00"}],"attended":[]}
            """;
        var record = new RegistryRecord(RosterHeader.Kind, Course, "ahus", legacy, 0);
        await store.WriteAsync(record, new AuditEntry(clock.GetUtcNow(), "test", record.Kind, record.Id, record.NetworkId, "created", AuditChanges.Between(null, legacy)));

        Assert.Equal(Lists([Email(1), Email(2)], [Email(3)]), await ListsAsync());
        Assert.Equal(RegistrationState.Seated, (await rosters.RegisterAsync((await rosters.FindHeaderAsync(Course))!, "PERSON2@example.no", "Person 2", "test")).State);
        var newcomer = await RegisterAsync(4);
        Assert.Equal((true, RegistrationState.Waitlisted, 2), (newcomer.Changed, newcomer.State, newcomer.WaitlistPlace));

        var cancelled = await CancelAsync(Email(1));

        Assert.Equal(Email(3), cancelled.Promoted?.Email);
        Assert.Equal(Lists([Email(2), Email(3)], [Email(4)]), await ListsAsync());
        Assert.Equal((2, 1), (cancelled.Counts.Seated, cancelled.Counts.Waitlisted));
        Assert.Equal((RegistrationState.Waitlisted, 1), await rosters.PlaceOfAsync((await rosters.FindHeaderAsync(Course))!.Entity, Email(4)));
        Assert.Equal(RegistrationState.None, (await CancelAsync(Email(2))).State);
        Assert.Equal(Lists([Email(3), Email(4)], []), await ListsAsync());
    }

    [Fact]
    public async Task Attendance_IsKeptOnTheHeader_InLowerCase_EachOnce()
    {
        await rosters.OpenAsync(Course, "ahus", 3, "test");
        await RegisterAsync(1);

        await rosters.RecordAttendanceAsync(Course, ["PERSON1@example.no ", "person1@example.no"], "test");

        Assert.Equal([Email(1)], (await rosters.GetAsync(Course)).Attended);
        await Assert.ThrowsAsync<RegistryValidationException>(() => rosters.OpenAsync("ahus-basic-course-2026", "ahus", 0, "test"));
    }
}

/// <summary>The roster tests on the embedded SQLite registry.</summary>
public sealed class SqliteCourseRostersTests : CourseRostersTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "course-rosters-tests", Guid.NewGuid().ToString("N"));

    protected override IRegistryStore CreateStore() => new SqliteRegistryStore(Path.Combine(folder, "registry.db"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>The roster tests on Azure Tables in a real Azurite, one fresh table each: a roster's writes are table transactions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCourseRostersTests(Azurite azurite) : CourseRostersTests
{
    protected override IRegistryStore CreateStore() =>
        new TableRegistryStore(new TableServiceClient(azurite.ConnectionString), "Registry" + Guid.NewGuid().ToString("N")[..12]);
}
