using System.Text.Json;
using Workflows.Network.Storage;
using Workflows.Wheel.Courses;

namespace Workflows.Tests.Wheel.Courses;

public sealed class CourseRosterTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static CourseRoster Roster(int? capacity) => new() { Id = "ahus-subject-day-2026", NetworkId = "ahus", Capacity = capacity };

    private static Registrant Person(int n) => new($"person{n}@example.no", $"Person {n}", At.AddMinutes(n));

    [Fact]
    public void Register_SeatsUntilFull_ThenWaitlistsInOrder()
    {
        var roster = Roster(2).Register(Person(1)).Register(Person(2)).Register(Person(3)).Register(Person(4));

        Assert.Equal(["person1@example.no", "person2@example.no"], roster.Seated.Select(r => r.Email));
        Assert.Equal(["person3@example.no", "person4@example.no"], roster.Waitlist.Select(r => r.Email));
        Assert.Equal(2, roster.WaitlistPlace("PERSON4@example.no"));
        Assert.Equal(0, roster.WaitlistPlace("person1@example.no"));
    }

    [Fact]
    public void Register_Twice_OrWithAnotherCase_KeepsOnePlace()
    {
        var roster = Roster(5).Register(Person(1)).Register(Person(1) with { Email = "Person1@Example.NO" });

        Assert.Single(roster.Seated);
        Assert.Equal(RegistrationState.Seated, roster.StateOf("PERSON1@EXAMPLE.NO"));
    }

    [Fact]
    public void Register_WithoutCapacity_NeverWaitlists()
    {
        var roster = Enumerable.Range(1, 50).Aggregate(Roster(null), (r, n) => r.Register(Person(n)));

        Assert.Equal(50, roster.Seated.Count);
        Assert.Empty(roster.Waitlist);
    }

    [Fact]
    public void Register_WhenClosed_ChangesNothing()
    {
        var closed = Roster(5) with { Open = false };

        Assert.Same(closed, closed.Register(Person(1)));
    }

    [Fact]
    public void Cancel_Seat_GivesItToTheFirstOnTheWaitlist()
    {
        var roster = Roster(1).Register(Person(1)).Register(Person(2)).Register(Person(3));

        var after = roster.Cancel("person1@example.no");

        Assert.Equal(["person2@example.no"], after.Seated.Select(r => r.Email));
        Assert.Equal(["person3@example.no"], after.Waitlist.Select(r => r.Email));
        Assert.Equal(RegistrationState.None, after.StateOf("person1@example.no"));
    }

    [Fact]
    public void Cancel_FromWaitlist_KeepsTheSeatsAndTheOthersOrder()
    {
        var roster = Roster(1).Register(Person(1)).Register(Person(2)).Register(Person(3)).Register(Person(4));

        var after = roster.Cancel("person3@example.no");

        Assert.Equal(["person1@example.no"], after.Seated.Select(r => r.Email));
        Assert.Equal(["person2@example.no", "person4@example.no"], after.Waitlist.Select(r => r.Email));
    }

    [Fact]
    public void Cancel_SomeoneNotRegistered_ChangesNothing()
    {
        var roster = Roster(1).Register(Person(1));

        Assert.Same(roster, roster.Cancel("stranger@example.no"));
    }

    [Fact]
    public void Validate_RefusesNoSeatsAndOverbooking()
    {
        Assert.Contains(Roster(0).Validate(), e => e.Key == nameof(CourseRoster.Capacity));
        Assert.Contains((Roster(1) with { Seated = [Person(1), Person(2)] }).Validate(), e => e.Key == nameof(CourseRoster.Seated));
        Assert.Empty(Roster(1).Register(Person(1)).Validate());
    }

    public static TheoryData<string> Changes() => ["register", "waitlist", "cancel-promotes", "cancel-waiting", "close", "attendance", "capacity", "nothing"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void ChangesSince_RecordsWhatComparingTheStoredJsonRecords(string change)
    {
        var before = Roster(change == "register" ? 4 : 2).Register(Person(1)).Register(Person(2)).Register(Person(3));
        var after = change switch
        {
            "register" or "waitlist" => before.Register(Person(4)),
            "cancel-promotes" => before.Cancel("person1@example.no"),
            "cancel-waiting" => before.Cancel("person3@example.no"),
            "close" => before with { Open = false },
            "attendance" => before with { Attended = ["person2@example.no", "person1@example.no"] },
            "capacity" => before with { Capacity = 3 },
            _ => before,
        };
        var described = after.ChangesSince(before);
        var compared = AuditChanges.Between(JsonSerializer.Serialize(before, RegistryJson.Options), JsonSerializer.Serialize(after, RegistryJson.Options));

        Assert.Equal(compared.OrderBy(c => c.Key), described.OrderBy(c => c.Key));
        Assert.Equal(change == "nothing", described.Count == 0);
    }
}
