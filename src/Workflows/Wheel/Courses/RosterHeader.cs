using System.Text.Json.Serialization;
using Workflows.Network;

namespace Workflows.Wheel.Courses;

/// <summary>
/// A course day's roster as the registry stores it (subject day, intro or basic course): its seats, whether it is
/// open, how many are seated and waiting, and who attended. The people are <see cref="RosterEntry"/> items beside
/// it, so a rush of registrations writes one small record and one entry each, and the roster's version still
/// serves them one at a time: never more seated than there are seats.
/// </summary>
public sealed record RosterHeader : IRegistryEntity
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

    /// <summary>How many have a seat; null on a roster stored before it was counted (see <see cref="EarlierSeated"/>).</summary>
    public int? SeatedCount { get; init; }

    /// <summary>How many wait for a seat; null on a roster stored before it was counted.</summary>
    public int? WaitlistCount { get; init; }

    /// <summary>The next place in line (<see cref="RosterEntry.Order"/>).</summary>
    public long NextOrder { get; init; }

    /// <summary>The addresses the operator marked as present.</summary>
    public IReadOnlyList<string> Attended { get; init; } = [];

    /// <summary>
    /// Those seated on a roster stored before people became entries of their own (a course under way across that
    /// upgrade): they keep their seats here, ahead of every entry, until they give them back.
    /// </summary>
    [JsonPropertyName("seated")]
    public IReadOnlyList<Registrant>? EarlierSeated { get; init; }

    /// <summary>Those waiting on a roster stored before people became entries of their own: first in line.</summary>
    [JsonPropertyName("waitlist")]
    public IReadOnlyList<Registrant>? EarlierWaitlist { get; init; }

    /// <summary>How many have a seat.</summary>
    [JsonIgnore]
    public int Seated => SeatedCount ?? EarlierSeated?.Count ?? 0;

    /// <summary>How many wait.</summary>
    [JsonIgnore]
    public int Waiting => WaitlistCount ?? EarlierWaitlist?.Count ?? 0;

    /// <summary>Seats left; null when there is no limit.</summary>
    [JsonIgnore]
    public int? SeatsLeft => Capacity is { } seats ? Math.Max(0, seats - Seated) : null;

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate()
    {
        if (Capacity is < 1)
        {
            yield return new(nameof(Capacity), "At least one seat, or none for no limit.");
        }

        if (Capacity is { } seats && Seated > seats)
        {
            yield return new(nameof(SeatedCount), $"More than {seats} seated.");
        }
    }
}
