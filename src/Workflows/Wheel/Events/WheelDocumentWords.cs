using Workflows.Network;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Events;

/// <summary>How emails and the upload page name a document and who gets it, in the network's language.</summary>
/// <param name="What">The document with its article, e.g. "referatet frå Lokalgruppesamling Sogn".</param>
/// <param name="SharedWith">Who it goes to once uploaded.</param>
/// <param name="SharedSubject">The subject of the email that shares it.</param>
public sealed record WheelDocumentWords(string What, string SharedWith, string SharedSubject)
{
    /// <summary>The words for <paramref name="kind"/> of <paramref name="occurrence"/>.</summary>
    public static WheelDocumentWords For(WheelDocumentKind kind, NetworkLanguage language, WheelOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        var nn = language == NetworkLanguage.Nynorsk;
        var day = WheelMail.When(occurrence);
        return kind switch
        {
            WheelDocumentKind.Minutes => nn
                ? new($"referatet frå {occurrence.Title} {day}", "leiarane til ressurssjukepleiarane i området", $"Referat frå {occurrence.Title} {day}")
                : new($"referatet fra {occurrence.Title} {day}", "lederne til ressurssykepleierne i området", $"Referat fra {occurrence.Title} {day}"),
            WheelDocumentKind.ActionPlan => nn
                ? new($"den reviderte handlingsplanen for {occurrence.Year}", "alle ressurssjukepleiarane og leiarane deira", $"Handlingsplan for {occurrence.Year}")
                : new($"den reviderte handlingsplanen for {occurrence.Year}", "alle ressurssykepleierne og deres ledere", $"Handlingsplan for {occurrence.Year}"),
            WheelDocumentKind.AnnualReport => nn
                ? new($"årsrapporten for {occurrence.Year - 1}", "arbeidsgruppa til godkjenning og så til alle leiarar og postmottaket i kvar kommune", $"Årsrapport {occurrence.Year - 1}")
                : new($"årsrapporten for {occurrence.Year - 1}", "arbeidsgruppen til godkjenning og så til alle ledere og postmottaket i hver kommune", $"Årsrapport {occurrence.Year - 1}"),
            _ => nn
                ? new($"nyhendebrevet ({occurrence.Title})", "alle ressurssjukepleiarane og leiarane deira", occurrence.Title)
                : new($"nyhetsbrevet ({occurrence.Title})", "alle ressurssykepleierne og deres ledere", occurrence.Title),
        };
    }
}
