using System.Globalization;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Events;

/// <summary>The words an event's emails share: its title, day(s), time and place, in the network's language.</summary>
public static class WheelMail
{
    /// <summary>The template model every wheel email starts from: recipient, title, day, time, place, agenda, network leader.</summary>
    public static Dictionary<string, object?> Model(WheelOccurrence occurrence, CompetenceNetwork network, Person recipient) => new()
    {
        ["recipient"] = recipient.Name,
        ["title"] = occurrence.Title,
        ["when"] = When(occurrence),
        ["time"] = Time(occurrence),
        ["location"] = occurrence.Location,
        ["networkLeader"] = network.NetworkLeader.Name,
        ["agenda"] = Agenda(occurrence.Kind, network.Language),
    };

    /// <summary>The fixed agenda of an event kind (the strategy meeting's, from the action plans); null when it has none.</summary>
    public static IReadOnlyList<string>? Agenda(WheelEventKind kind, NetworkLanguage language) => kind switch
    {
        WheelEventKind.StrategyRevision when language == NetworkLanguage.Nynorsk =>
        [
            "Gjennomgang av årsrapporten",
            "Evaluering av handlingsplanen for i fjor",
            "Revisjon av handlingsplanen for i år",
            "Oppstart av planlegginga av introduksjonskurs, grunnkurs og fagdag",
        ],
        WheelEventKind.StrategyRevision =>
        [
            "Gjennomgang av årsrapporten",
            "Evaluering av fjorårets handlingsplan",
            "Revidering av handlingsplanen for i år",
            "Oppstart av planleggingen av introduksjonskurs, grunnkurs og fagdag",
        ],
        _ => null,
    };

    /// <summary>The event's day, or first and last day, in words.</summary>
    public static string When(WheelOccurrence occurrence) => occurrence.LastDate == occurrence.Date
        ? NorwegianDates.Day(occurrence.Date)
        : $"{NorwegianDates.Day(occurrence.Date)}–{NorwegianDates.Day(occurrence.LastDate)}";

    /// <summary>The event's hours, Oslo time.</summary>
    public static string Time(WheelOccurrence occurrence)
    {
        var starts = NorwegianTime.ToLocal(occurrence.Starts.UtcDateTime);
        var ends = NorwegianTime.ToLocal(occurrence.Ends.UtcDateTime);
        return string.Create(CultureInfo.InvariantCulture, $"{starts:HH\\:mm}–{ends:HH\\:mm}");
    }

    /// <summary>A per-recipient idempotency suffix: a retried activity skips whom it already wrote to.</summary>
    public static string KeyFor(Person recipient) => recipient.Email.ToLowerInvariant();
}
