using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Workflows.Email;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Events;

/// <summary>The .ics attachment that puts an event in the recipient's calendar (Ical.Net, times in Europe/Oslo).</summary>
public static class CalendarInvite
{
    /// <summary>An iCalendar file for <paramref name="occurrence"/>; the UID stays the same for the event, so a later update replaces it.</summary>
    public static EmailAttachment For(WheelOccurrence occurrence, string organizerEmail)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH", ProductId = "-//Kompetansenettverk i palliasjon//Arshjul//NO" };
        // The same hours every day of the event, in Oslo time.
        var starts = TimeOnly.FromDateTime(Network.NorwegianTime.ToLocal(occurrence.Starts.UtcDateTime));
        var ends = TimeOnly.FromDateTime(Network.NorwegianTime.ToLocal(occurrence.Ends.UtcDateTime));
        for (var day = 0; day <= occurrence.LastDate.DayNumber - occurrence.Date.DayNumber; day++)
        {
            var date = occurrence.Date.AddDays(day);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = day == 0 ? $"{occurrence.InstanceId}@kompetansenettverk" : $"{occurrence.InstanceId}-day{day + 1}@kompetansenettverk",
                Summary = occurrence.Title,
                Location = occurrence.Location,
                Start = new CalDateTime(date.ToDateTime(starts), "Europe/Oslo"),
                End = new CalDateTime(date.ToDateTime(ends), "Europe/Oslo"),
                Organizer = new Organizer($"mailto:{organizerEmail}"),
                // Stamped with the invitation day, not the clock, so a retried activity attaches the same file.
                DtStamp = new CalDateTime(occurrence.InvitationOn.ToDateTime(TimeOnly.MinValue), "UTC"),
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return new EmailAttachment($"{occurrence.EventId}-{occurrence.Year}.ics", "text/calendar", Encoding.UTF8.GetBytes(text));
    }
}
