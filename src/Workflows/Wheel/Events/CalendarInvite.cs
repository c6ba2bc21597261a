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
        var oslo = Network.NorwegianTime.Zone;
        for (var day = 0; day <= occurrence.LastDate.DayNumber - occurrence.Date.DayNumber; day++)
        {
            var date = occurrence.Date.AddDays(day);
            var starts = TimeZoneInfo.ConvertTime(occurrence.Starts, oslo);
            var ends = TimeZoneInfo.ConvertTime(occurrence.Ends, oslo);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = day == 0 ? $"{occurrence.InstanceId}@kompetansenettverk" : $"{occurrence.InstanceId}-day{day + 1}@kompetansenettverk",
                Summary = occurrence.Title,
                Location = occurrence.Location,
                Start = new CalDateTime(date.ToDateTime(TimeOnly.FromTimeSpan(starts.TimeOfDay)), "Europe/Oslo"),
                End = new CalDateTime(date.ToDateTime(TimeOnly.FromTimeSpan(ends.TimeOfDay)), "Europe/Oslo"),
                Organizer = new Organizer($"mailto:{organizerEmail}"),
                // Stamped with the invitation day, not the clock, so a retried activity attaches the same file.
                DtStamp = new CalDateTime(occurrence.InvitationOn.ToDateTime(TimeOnly.MinValue), "UTC"),
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return new EmailAttachment($"{occurrence.EventId}-{occurrence.Year}.ics", "text/calendar", Encoding.UTF8.GetBytes(text));
    }
}
