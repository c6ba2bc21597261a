using Workflows.Network;
using Workflows.Network.Storage;

namespace Workflows.Wheel.Courses;

/// <summary>
/// The seats and waitlist of one course day (subject day, intro or basic course), kept in the registry so every
/// registration is a versioned, audited write: many people registering at once each get a clear place.
/// </summary>
public sealed record CourseRoster : IRegistryEntity, IDescribesItsChanges<CourseRoster>
{
    /// <inheritdoc />
    public static string Kind => "roster";

    /// <summary>The course's orchestration instance id (<c>{network}-{event}-{year}</c>).</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    public required string NetworkId { get; init; }

    /// <summary>Seats; null when there is no limit.</summary>
    public int? Capacity { get; init; }

    /// <summary>Whether registration is still open.</summary>
    public bool Open { get; init; } = true;

    /// <summary>Those with a seat, in the order they got it.</summary>
    public IReadOnlyList<Registrant> Seated { get; init; } = [];

    /// <summary>Those waiting for a seat, first come first served.</summary>
    public IReadOnlyList<Registrant> Waitlist { get; init; } = [];

    /// <summary>The addresses the operator marked as present.</summary>
    public IReadOnlyList<string> Attended { get; init; } = [];

    /// <summary>Where <paramref name="email"/> stands.</summary>
    public RegistrationState StateOf(string email) =>
        Seated.Any(r => Same(r.Email, email)) ? RegistrationState.Seated
        : Waitlist.Any(r => Same(r.Email, email)) ? RegistrationState.Waitlisted
        : RegistrationState.None;

    /// <summary>The roster with <paramref name="who"/> registered: a seat while there are any, else the waitlist.</summary>
    public CourseRoster Register(Registrant who)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (StateOf(who.Email) != RegistrationState.None || !Open)
        {
            return this;
        }

        return Capacity is { } seats && Seated.Count >= seats
            ? this with { Waitlist = [.. Waitlist, who] }
            : this with { Seated = [.. Seated, who] };
    }

    /// <summary>The roster without <paramref name="email"/>; a freed seat goes to the first on the waitlist.</summary>
    public CourseRoster Cancel(string email)
    {
        var state = StateOf(email);
        if (state == RegistrationState.Waitlisted)
        {
            return this with { Waitlist = [.. Waitlist.Where(r => !Same(r.Email, email))] };
        }

        if (state != RegistrationState.Seated)
        {
            return this;
        }

        var seated = Seated.Where(r => !Same(r.Email, email)).ToList();
        var waitlist = Waitlist.ToList();
        if (waitlist.Count > 0)
        {
            seated.Add(waitlist[0]);
            waitlist.RemoveAt(0);
        }

        return this with { Seated = seated, Waitlist = waitlist };
    }

    /// <summary>The 1-based place of <paramref name="email"/> on the waitlist; 0 when not on it.</summary>
    public int WaitlistPlace(string email) => Waitlist.Select((r, i) => (r, i)).Where(x => Same(x.r.Email, email)).Select(x => x.i + 1).FirstOrDefault();

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate()
    {
        if (Capacity is < 1)
        {
            yield return new(nameof(Capacity), "At least one seat, or none for no limit.");
        }

        if (Capacity is { } seats && Seated.Count > seats)
        {
            yield return new(nameof(Seated), $"More than {seats} seated.");
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, AuditChange> ChangesSince(CourseRoster before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new SortedDictionary<string, AuditChange>(StringComparer.Ordinal);
        void Add(string property, AuditChange? change)
        {
            if (change is not null)
            {
                changes[AuditChanges.FieldName(property)] = change;
            }
        }

        Add(nameof(Capacity), AuditChanges.OfValue(before.Capacity, Capacity));
        Add(nameof(Open), AuditChanges.OfValue(before.Open, Open));
        Add(nameof(Seated), AuditChanges.OfList(before.Seated, Seated));
        Add(nameof(Waitlist), AuditChanges.OfList(before.Waitlist, Waitlist));
        Add(nameof(Attended), AuditChanges.OfList(before.Attended, Attended));
        return changes;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
