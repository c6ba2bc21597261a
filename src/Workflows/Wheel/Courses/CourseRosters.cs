using System.Text.Json;
using Workflows.Network;
using Workflows.Network.Storage;

namespace Workflows.Wheel.Courses;

/// <summary>
/// Course rosters kept as a <see cref="RosterHeader"/> and one <see cref="RosterEntry"/> per person: opening one,
/// where a person stands, registering (a seat while there are any, else the waitlist) and cancelling (a seat given
/// back goes to the first waiting), closing, attendance, and the whole roster for those who need everyone. Each
/// change writes the header and the entries it touches together, over the header's version: a rush of
/// registrations is served one at a time, each costing the same however many came before.
/// </summary>
public sealed class CourseRosters(NetworkRegistry registry, TimeProvider time)
{
    /// <summary>Many people may register at once; each conflict means someone else got their place first.</summary>
    private const int MostAttempts = 200;

    private static readonly string SeatedField = AuditChanges.FieldName(nameof(CourseRoster.Seated));
    private static readonly string WaitlistField = AuditChanges.FieldName(nameof(CourseRoster.Waitlist));

    /// <summary>Opens a roster with its seats; false when it is open already (a retried activity).</summary>
    public async Task<bool> OpenAsync(string id, string networkId, int? capacity, string actor, CancellationToken cancellation = default)
    {
        if (await registry.FindAsync<RosterHeader>(id, cancellation).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            var header = new RosterHeader { Id = id, NetworkId = networkId, Capacity = capacity, SeatedCount = 0, WaitlistCount = 0 };
            await registry.CreateAsync(header, actor, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (RegistryConflictException)
        {
            return false;
        }
    }

    /// <summary>The roster's header with its version; null when there is no such course.</summary>
    public Task<Versioned<RosterHeader>?> FindHeaderAsync(string id, CancellationToken cancellation = default) =>
        registry.FindAsync<RosterHeader>(id, cancellation);

    /// <summary>The whole roster; null when there is no such course.</summary>
    public async Task<CourseRoster?> FindAsync(string id, CancellationToken cancellation = default)
    {
        if (await registry.FindAsync<RosterHeader>(id, cancellation).ConfigureAwait(false) is not { Entity: var header })
        {
            return null;
        }

        var entries = await EntriesAsync(id, cancellation).ConfigureAwait(false);
        return new CourseRoster
        {
            Id = header.Id,
            NetworkId = header.NetworkId,
            Capacity = header.Capacity,
            Open = header.Open,
            Attended = header.Attended,
            Seated = [.. header.EarlierSeated ?? [], .. entries.Where(e => e.State == RegistrationState.Seated).Select(e => e.Registrant)],
            Waitlist = [.. header.EarlierWaitlist ?? [], .. entries.Where(e => e.State == RegistrationState.Waitlisted).Select(e => e.Registrant)],
        };
    }

    /// <summary>The whole roster.</summary>
    /// <exception cref="RegistryNotFoundException">No course with that instance id.</exception>
    public async Task<CourseRoster> GetAsync(string id, CancellationToken cancellation = default) =>
        await FindAsync(id, cancellation).ConfigureAwait(false) ?? throw new RegistryNotFoundException(RosterHeader.Kind, id);

    /// <summary>The roster's counts, with the version they were read at.</summary>
    /// <exception cref="RegistryNotFoundException">No course with that instance id.</exception>
    public async Task<RosterCounts> CountAsync(string id, CancellationToken cancellation = default)
    {
        var header = await registry.GetAsync<RosterHeader>(id, cancellation).ConfigureAwait(false);
        return RosterCounts.Of(header.Entity, header.Version);
    }

    /// <summary>Where <paramref name="email"/> stands on the roster, and their 1-based waitlist place (0 when not waiting).</summary>
    public async Task<(RegistrationState State, int WaitlistPlace)> PlaceOfAsync(RosterHeader header, string email, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        var (state, registrant, entry) = await StandingAsync(header, email, cancellation).ConfigureAwait(false);
        if (state != RegistrationState.Waitlisted)
        {
            return (state, 0);
        }

        if (entry is null)
        {
            return (state, header.EarlierWaitlist!.ToList().IndexOf(registrant!) + 1);
        }

        // Only someone waiting asks for their place in line, so only they read the other entries.
        var entries = await EntriesAsync(header.Id, cancellation).ConfigureAwait(false);
        return (state, (header.EarlierWaitlist?.Count ?? 0) + entries.Count(e => e.State == RegistrationState.Waitlisted && e.Order < entry.Order) + 1);
    }

    /// <summary>Registers <paramref name="email"/>: a seat while there are any, else a place on the waitlist; nothing when registered already or closed.</summary>
    /// <param name="known">The roster as read just before (to show it); read again only when someone changed it since.</param>
    /// <param name="email">Who registers.</param>
    /// <param name="name">Their name.</param>
    /// <param name="actor">Who to name in the audit trail.</param>
    /// <param name="cancellation">Stops waiting.</param>
    public async Task<RosterChange> RegisterAsync(Versioned<RosterHeader> known, string email, string name, string actor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(known);
        for (var attempt = 1; ; attempt++)
        {
            var current = attempt == 1 ? known : await registry.GetAsync<RosterHeader>(known.Entity.Id, cancellation).ConfigureAwait(false);
            var header = current.Entity;
            var (state, _, _) = await StandingAsync(header, email, cancellation).ConfigureAwait(false);
            if (state != RegistrationState.None || !header.Open)
            {
                return await UnchangedAsync(current, email, cancellation).ConfigureAwait(false);
            }

            var seat = header.SeatsLeft is not 0;
            var entry = new RosterEntry(email, name, time.GetUtcNow(), header.NextOrder, seat ? RegistrationState.Seated : RegistrationState.Waitlisted);
            var after = header with
            {
                NextOrder = header.NextOrder + 1,
                SeatedCount = header.Seated + (seat ? 1 : 0),
                WaitlistCount = header.Waiting + (seat ? 0 : 1),
            };
            var changes = Changes(header, after, seatedOut: [], seatedIn: seat ? [entry.Registrant] : [], waitingOut: [], waitingIn: seat ? [] : [entry.Registrant]);
            try
            {
                var written = await registry.WriteAsync(
                    after, current.Version, [KeyValuePair.Create(RosterEntry.KeyFor(email), (RosterEntry?)entry)], changes, actor, "registered", cancellation).ConfigureAwait(false);

                // The newcomer is last in line: everyone waiting is ahead of them.
                return new RosterChange(true, entry.State, seat ? 0 : after.Waiting, null, after, RosterCounts.Of(after, written.Version));
            }
            catch (RegistryConflictException) when (attempt < MostAttempts)
            {
            }
        }
    }

    /// <summary>Takes <paramref name="email"/> off the roster; a seat given back goes to the first waiting. Nothing when not registered.</summary>
    /// <param name="known">The roster as read just before; read again only when someone changed it since.</param>
    /// <param name="email">Who cancels.</param>
    /// <param name="actor">Who to name in the audit trail.</param>
    /// <param name="cancellation">Stops waiting.</param>
    public async Task<RosterChange> CancelAsync(Versioned<RosterHeader> known, string email, string actor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(known);
        for (var attempt = 1; ; attempt++)
        {
            var current = attempt == 1 ? known : await registry.GetAsync<RosterHeader>(known.Entity.Id, cancellation).ConfigureAwait(false);
            var header = current.Entity;
            var (state, leaving, entry) = await StandingAsync(header, email, cancellation).ConfigureAwait(false);
            if (state == RegistrationState.None)
            {
                return await UnchangedAsync(current, email, cancellation).ConfigureAwait(false);
            }

            var items = new List<KeyValuePair<string, RosterEntry?>>();
            var after = entry is null ? WithoutEarlier(header, leaving!) : header;
            if (entry is not null)
            {
                items.Add(KeyValuePair.Create(RosterEntry.KeyFor(email), (RosterEntry?)null));
            }

            Registrant? promoted = null;
            if (state == RegistrationState.Seated && header.Waiting > 0)
            {
                var (first, firstEntry) = await FirstWaitingAsync(after, cancellation).ConfigureAwait(false);
                if (first is not null)
                {
                    promoted = first.Registrant;
                    after = firstEntry is null ? WithoutEarlier(after, promoted) : after;
                    items.Add(KeyValuePair.Create(RosterEntry.KeyFor(first.Email), (RosterEntry?)(first with { Order = header.NextOrder, State = RegistrationState.Seated })));
                }
            }

            var seatedOut = state == RegistrationState.Seated ? new[] { leaving! } : [];
            var waitingOut = state == RegistrationState.Waitlisted ? new[] { leaving! } : promoted is null ? [] : [promoted];
            after = after with
            {
                NextOrder = header.NextOrder + (promoted is null ? 0 : 1),
                SeatedCount = header.Seated - seatedOut.Length + (promoted is null ? 0 : 1),
                WaitlistCount = header.Waiting - waitingOut.Length,
            };
            var changes = Changes(header, after, seatedOut, seatedIn: promoted is null ? [] : [promoted], waitingOut, waitingIn: []);
            try
            {
                var written = await registry.WriteAsync(after, current.Version, items, changes, actor, "cancelled", cancellation).ConfigureAwait(false);
                return new RosterChange(true, RegistrationState.None, 0, promoted, after, RosterCounts.Of(after, written.Version));
            }
            catch (RegistryConflictException) when (attempt < MostAttempts)
            {
            }
        }
    }

    /// <summary>Closes registration; returns how many have a seat.</summary>
    /// <exception cref="RegistryNotFoundException">No course with that instance id.</exception>
    public async Task<int> CloseAsync(string id, string actor, CancellationToken cancellation = default) =>
        (await registry.ChangeAsync<RosterHeader>(id, h => h with { Open = false }, actor, "closed", MostAttempts, cancellation).ConfigureAwait(false)).Seated;

    /// <summary>Records who attended (lower-case addresses, each once).</summary>
    /// <exception cref="RegistryNotFoundException">No course with that instance id.</exception>
    public Task<RosterHeader> RecordAttendanceAsync(string id, IEnumerable<string> attended, string actor, CancellationToken cancellation = default)
    {
        IReadOnlyList<string> present = [.. attended.Select(RosterEntry.KeyFor).Distinct(StringComparer.Ordinal)];
        return registry.ChangeAsync<RosterHeader>(id, h => h with { Attended = present }, actor, "attendance", MostAttempts, cancellation);
    }

    /// <summary>Where someone stands: on a list kept in the header from before entries (the registrant), or by their entry.</summary>
    private async Task<(RegistrationState State, Registrant? Registrant, RosterEntry? Entry)> StandingAsync(RosterHeader header, string email, CancellationToken cancellation)
    {
        if (header.EarlierSeated?.FirstOrDefault(r => Same(r.Email, email)) is { } seated)
        {
            return (RegistrationState.Seated, seated, null);
        }

        if (header.EarlierWaitlist?.FirstOrDefault(r => Same(r.Email, email)) is { } waiting)
        {
            return (RegistrationState.Waitlisted, waiting, null);
        }

        var entry = await registry.FindItemAsync<RosterHeader, RosterEntry>(header.Id, RosterEntry.KeyFor(email), cancellation).ConfigureAwait(false);
        return entry is null ? (RegistrationState.None, null, null) : (entry.State, entry.Registrant, entry);
    }

    /// <summary>The first in line for a seat: the header's earlier waitlist first, then the entries by their place.</summary>
    private async Task<(RosterEntry? First, RosterEntry? Entry)> FirstWaitingAsync(RosterHeader header, CancellationToken cancellation)
    {
        if (header.EarlierWaitlist is [var earlier, ..])
        {
            return (new RosterEntry(earlier.Email, earlier.Name, earlier.At, 0, RegistrationState.Waitlisted), null);
        }

        var first = (await EntriesAsync(header.Id, cancellation).ConfigureAwait(false)).FirstOrDefault(e => e.State == RegistrationState.Waitlisted);
        return (first, first);
    }

    private async Task<RosterChange> UnchangedAsync(Versioned<RosterHeader> current, string email, CancellationToken cancellation)
    {
        var (state, place) = await PlaceOfAsync(current.Entity, email, cancellation).ConfigureAwait(false);
        return new RosterChange(false, state, place, null, current.Entity, RosterCounts.Of(current.Entity, current.Version));
    }

    private async Task<List<RosterEntry>> EntriesAsync(string id, CancellationToken cancellation) =>
        [.. (await registry.ListItemsAsync<RosterHeader, RosterEntry>(id, cancellation).ConfigureAwait(false)).OrderBy(e => e.Order)];

    private static RosterHeader WithoutEarlier(RosterHeader header, Registrant who) => header with
    {
        EarlierSeated = header.EarlierSeated?.Where(r => !Same(r.Email, who.Email)).ToList(),
        EarlierWaitlist = header.EarlierWaitlist?.Where(r => !Same(r.Email, who.Email)).ToList(),
    };

    /// <summary>
    /// The audit entry's changes: the header's own fields, and who left and joined each list, as the trail named them
    /// when the roster was one record.
    /// </summary>
    private static SortedDictionary<string, AuditChange> Changes(
        RosterHeader before, RosterHeader after, Registrant[] seatedOut, Registrant[] seatedIn, Registrant[] waitingOut, Registrant[] waitingIn)
    {
        var header = AuditChanges.Between(JsonSerializer.Serialize(before, RegistryJson.Options), JsonSerializer.Serialize(after, RegistryJson.Options));
        var changes = new SortedDictionary<string, AuditChange>(StringComparer.Ordinal);
        foreach (var (field, change) in header.Where(c => c.Key != SeatedField && c.Key != WaitlistField))
        {
            changes[field] = change;
        }

        if (AuditChanges.OfList(seatedOut, seatedIn) is { } seated)
        {
            changes[SeatedField] = seated;
        }

        if (AuditChanges.OfList(waitingOut, waitingIn) is { } waiting)
        {
            changes[WaitlistField] = waiting;
        }

        return changes;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
