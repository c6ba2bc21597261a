namespace Workflows.Wheel.Calendar;

/// <summary>One event of a network's calendar file: what, when (a date or a yearly rule), for whom, and its lead times.</summary>
public sealed record WheelEventDefinition
{
    /// <summary>The event's id within the calendar (part of its instance id, <c>{network}-{id}-{year}</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What kind of event, which decides the orchestration that carries it.</summary>
    public required WheelEventKind Kind { get; init; }

    /// <summary>The title people see, in the network's language.</summary>
    public required string Title { get; init; }

    /// <summary>A fixed date: the event happens that year only.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>A yearly rule, when there is no fixed date.</summary>
    public DateRule? Rule { get; init; }

    /// <summary>How many days it lasts (the basic course takes two).</summary>
    public int Days { get; init; } = 1;

    /// <summary>When it starts each day, Oslo time.</summary>
    public TimeOnly Starts { get; init; } = new(9, 0);

    /// <summary>When it ends each day, Oslo time.</summary>
    public TimeOnly Ends { get; init; } = new(15, 0);

    /// <summary>The local area it belongs to (local gatherings).</summary>
    public string? Area { get; init; }

    /// <summary>Where it takes place (a room, an address, or "Teams").</summary>
    public string? Location { get; init; }

    /// <summary>Who it is for.</summary>
    public required IReadOnlyList<Audience> Audience { get; init; }

    /// <summary>Days before the event that invitations go out (and its orchestration starts).</summary>
    public int InvitationDaysBefore { get; init; } = 28;

    /// <summary>Days before the event that reminders go out.</summary>
    public IReadOnlyList<int> ReminderDaysBefore { get; init; } = [7, 1];

    /// <summary>Seats, for events people register for; null when there is no limit.</summary>
    public int? Capacity { get; init; }

    /// <summary>Days after the event that answers or uploads are due (annual reporting, minutes).</summary>
    public int? FollowUpDays { get; init; }

    /// <summary>The line in the calendar file, for messages.</summary>
    public int Line { get; init; }

    /// <summary>The event's first day in <paramref name="year"/>; null when it does not happen that year.</summary>
    public DateOnly? DateIn(int year) => Date is { } date ? (date.Year == year ? date : null) : Rule?.In(year);
}
