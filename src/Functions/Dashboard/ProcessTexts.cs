using Workflows.Network;

namespace Workflows.Functions.Dashboard;

/// <summary>The words of an orchestration's page, in Bokmål and Nynorsk (the network's language when it has one).</summary>
public sealed record ProcessTexts
{
    private static readonly ProcessTexts Bokmal = new();

    private static readonly ProcessTexts Nynorsk = new()
    {
        Started = "Starta",
        LastChanged = "Sist endra",
        Failure = "Feil",
        WhereItStands = "Kvar han står",
        Actions = "Handlingar",
        Resume = "Hald fram",
        Suspend = "Set på pause",
        TerminateHeading = "Avslutt prosessen",
        Reason = "Grunngiving",
        ConfirmTerminate = "Ja, avslutt prosessen. Det kan ikkje angrast.",
        ConfirmMissing = "Kryss av for å stadfeste at prosessen skal avsluttast.",
        Terminate = "Avslutt",
        RaiseHeading = "Send ei hending",
        EventName = "Namnet på hendinga",
        Payload = "Innhald (JSON, valfritt)",
        Raise = "Send hendinga",
        History = "Historikk",
        HistoryCaption = "Hendingar, eldste først",
        Time = "Tid",
        Step = "Steg",
        Details = "Detaljar",
        Suspended = "Prosessen er sett på pause.",
        Resumed = "Prosessen held fram.",
        Terminated = "Prosessen er avslutta.",
        TerminatedReason = "Avslutta frå dashbordet",
        EventNameMissing = "Skriv inn namnet på hendinga.",
        PayloadInvalid = "Innhaldet er ikkje gyldig JSON.",
        EventSent = "Hendinga «{0}» er send.",
        Until = "til",
    };

    /// <summary>Row: when it started.</summary>
    public string Started { get; init; } = "Startet";

    /// <summary>Row: when it last changed.</summary>
    public string LastChanged { get; init; } = "Sist endret";

    /// <summary>Row: its failure.</summary>
    public string Failure { get; init; } = "Feil";

    /// <summary>Heading of the custom status.</summary>
    public string WhereItStands { get; init; } = "Hvor den står";

    /// <summary>Heading of the actions.</summary>
    public string Actions { get; init; } = "Handlinger";

    /// <summary>The resume button.</summary>
    public string Resume { get; init; } = "Fortsett";

    /// <summary>The suspend button.</summary>
    public string Suspend { get; init; } = "Sett på pause";

    /// <summary>Heading of the terminate form.</summary>
    public string TerminateHeading { get; init; } = "Avslutt prosessen";

    /// <summary>The reason field.</summary>
    public string Reason { get; init; } = "Begrunnelse";

    /// <summary>The confirmation box.</summary>
    public string ConfirmTerminate { get; init; } = "Ja, avslutt prosessen. Det kan ikke angres.";

    /// <summary>The confirmation box left empty.</summary>
    public string ConfirmMissing { get; init; } = "Kryss av for å bekrefte at prosessen skal avsluttes.";

    /// <summary>The terminate button.</summary>
    public string Terminate { get; init; } = "Avslutt";

    /// <summary>Heading of the raise-event form.</summary>
    public string RaiseHeading { get; init; } = "Send en hendelse";

    /// <summary>The event name field.</summary>
    public string EventName { get; init; } = "Hendelsens navn";

    /// <summary>The payload field.</summary>
    public string Payload { get; init; } = "Innhold (JSON, valgfritt)";

    /// <summary>The raise button.</summary>
    public string Raise { get; init; } = "Send hendelsen";

    /// <summary>Heading of the history.</summary>
    public string History { get; init; } = "Historikk";

    /// <summary>Caption of the history.</summary>
    public string HistoryCaption { get; init; } = "Hendelser, eldste først";

    /// <summary>Column: time.</summary>
    public string Time { get; init; } = "Tid";

    /// <summary>Column: the history event's kind.</summary>
    public string Step { get; init; } = "Steg";

    /// <summary>Column: the activity, event or timer it concerns.</summary>
    public string Details { get; init; } = "Detaljer";

    /// <summary>After pausing.</summary>
    public string Suspended { get; init; } = "Prosessen er satt på pause.";

    /// <summary>After resuming.</summary>
    public string Resumed { get; init; } = "Prosessen fortsetter.";

    /// <summary>After terminating.</summary>
    public string Terminated { get; init; } = "Prosessen er avsluttet.";

    /// <summary>The reason recorded when none is given.</summary>
    public string TerminatedReason { get; init; } = "Avsluttet fra dashbordet";

    /// <summary>No event name.</summary>
    public string EventNameMissing { get; init; } = "Skriv inn navnet på hendelsen.";

    /// <summary>A payload that is not JSON.</summary>
    public string PayloadInvalid { get; init; } = "Innholdet er ikke gyldig JSON.";

    /// <summary>After raising: "{0}" is the event's name.</summary>
    public string EventSent { get; init; } = "Hendelsen «{0}» er sendt.";

    /// <summary>"until", for a timer's time.</summary>
    public string Until { get; init; } = "til";

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static ProcessTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;
}
