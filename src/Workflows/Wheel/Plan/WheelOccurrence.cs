using Workflows.Wheel.Calendar;

namespace Workflows.Wheel.Plan;

/// <summary>One event of one network in one year, with its dates worked out: what the wheel's orchestration carries.</summary>
public sealed record WheelOccurrence
{
    /// <summary>The network.</summary>
    public required string NetworkId { get; init; }

    /// <summary>The event's id in the calendar.</summary>
    public required string EventId { get; init; }

    /// <summary>The year it belongs to.</summary>
    public required int Year { get; init; }

    /// <summary>What kind of event.</summary>
    public required WheelEventKind Kind { get; init; }

    /// <summary>Its title, in the network's language.</summary>
    public required string Title { get; init; }

    /// <summary>Its first day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Its last day.</summary>
    public required DateOnly LastDate { get; init; }

    /// <summary>When it starts (first day), as an instant.</summary>
    public required DateTimeOffset Starts { get; init; }

    /// <summary>When it ends (last day), as an instant.</summary>
    public required DateTimeOffset Ends { get; init; }

    /// <summary>The local area, for a local gathering.</summary>
    public string? Area { get; init; }

    /// <summary>Where.</summary>
    public string? Location { get; init; }

    /// <summary>For whom.</summary>
    public required IReadOnlyList<Audience> Audience { get; init; }

    /// <summary>The day invitations go out and its orchestration starts.</summary>
    public required DateOnly InvitationOn { get; init; }

    /// <summary>The days reminders go out, earliest first.</summary>
    public required IReadOnlyList<DateOnly> RemindersOn { get; init; }

    /// <summary>Seats, when limited.</summary>
    public int? Capacity { get; init; }

    /// <summary>The day answers or uploads are due after the event, if any.</summary>
    public DateOnly? FollowUpBy { get; init; }

    /// <summary>The calendar file's version it was planned from.</summary>
    public required int CalendarVersion { get; init; }

    /// <summary>The orchestration instance that carries it: <c>{network}-{event}-{year}</c>, so it starts once.</summary>
    public string InstanceId => InstanceIdFor(NetworkId, EventId, Year);

    /// <summary>The instance id of an event in a year.</summary>
    public static string InstanceIdFor(string networkId, string eventId, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{networkId}-{eventId}-{year}");
}
