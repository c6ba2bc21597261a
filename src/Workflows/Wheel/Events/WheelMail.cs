using System.Globalization;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Events;

/// <summary>The words an event's emails share: its title, day(s), time and place, in the network's language.</summary>
internal static class WheelMail
{
    public static Dictionary<string, object?> Model(WheelOccurrence occurrence, CompetenceNetwork network, Person recipient)
    {
        var starts = NorwegianTime.ToLocal(occurrence.Starts.UtcDateTime);
        var ends = NorwegianTime.ToLocal(occurrence.Ends.UtcDateTime);
        return new Dictionary<string, object?>
        {
            ["recipient"] = recipient.Name,
            ["title"] = occurrence.Title,
            ["when"] = occurrence.LastDate == occurrence.Date
                ? NorwegianDates.Day(occurrence.Date)
                : $"{NorwegianDates.Day(occurrence.Date)}–{NorwegianDates.Day(occurrence.LastDate)}",
            ["time"] = string.Create(CultureInfo.InvariantCulture, $"{starts:HH\\:mm}–{ends:HH\\:mm}"),
            ["location"] = occurrence.Location,
            ["networkLeader"] = network.NetworkLeader.Name,
        };
    }

    /// <summary>A per-recipient idempotency suffix: a retried activity skips whom it already wrote to.</summary>
    public static string KeyFor(Person recipient) => recipient.Email.ToLowerInvariant();
}
