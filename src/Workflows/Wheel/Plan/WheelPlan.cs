using Workflows.Network;
using Workflows.Wheel.Calendar;

namespace Workflows.Wheel.Plan;

/// <summary>Works a calendar's dates and rules out for a year: every event with its invitation and reminder days.</summary>
public static class WheelPlan
{
    /// <summary>The calendar's events that happen in <paramref name="year"/>, by date.</summary>
    public static IReadOnlyList<WheelOccurrence> For(WheelCalendar calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var occurrences = new List<WheelOccurrence>();
        foreach (var definition in calendar.Events)
        {
            if (definition.DateIn(year) is not { } date)
            {
                continue;
            }

            var last = date.AddDays(definition.Days - 1);
            occurrences.Add(new WheelOccurrence
            {
                NetworkId = calendar.NetworkId,
                EventId = definition.Id,
                Year = year,
                Kind = definition.Kind,
                Title = definition.Title,
                Date = date,
                LastDate = last,
                Starts = NorwegianTime.At(date, definition.Starts),
                Ends = NorwegianTime.At(last, definition.Ends),
                Area = definition.Area,
                Location = definition.Location,
                Audience = definition.Audience,
                InvitationOn = date.AddDays(-definition.InvitationDaysBefore),
                RemindersOn = [.. definition.ReminderDaysBefore.Select(d => date.AddDays(-d)).Order()],
                Capacity = definition.Capacity,
                FollowUpBy = definition.FollowUpDays is { } days ? last.AddDays(days) : null,
                CalendarVersion = calendar.Version,
            });
        }

        return [.. occurrences.OrderBy(o => o.Date).ThenBy(o => o.EventId, StringComparer.Ordinal)];
    }
}
