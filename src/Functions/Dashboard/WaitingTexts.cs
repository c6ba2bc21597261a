using Workflows.Network;

namespace Workflows.Functions.Dashboard;

/// <summary>The words of the page of what the network waits for, in Bokmål and Nynorsk.</summary>
public sealed record WaitingTexts
{
    private static readonly WaitingTexts Bokmal = new();

    private static readonly WaitingTexts Nynorsk = new()
    {
        Title = "Uteståande",
        Intro = "Dette ventar nettverket på frå andre. «Send påminning no» sender neste påminning med ein gong; dei faste påminningane går som før.",
        Nothing = "Nettverket ventar ikkje på nokon akkurat no.",
        Signatures = "Funksjonsskildringar som ventar på signatur",
        WaitingFor = "Ventar på",
        Reminders = "Påminningar sende",
        RemindNow = "Send påminning no",
        Questionnaires = "Spørjeskjema som ikkje er svara på",
        AnsweredOf = "{0} av {1} har svart.",
        Closes = "Stengjer",
        Who = "Kven",
        About = "Gjeld",
        Documents = "Dokument og godkjenningar",
        NextRequest = "Neste påminning",
        Replacements = "Førespurnader om ny ressurssjukepleiar",
        Leaving = "Sluttar",
        Asked = "Spurd",
        Process = "Prosess",
        Sent = "Påminninga er send.",
        AlreadySent = "Ei påminning er alt send sidan sida vart lasta. Sjå oppdatert status under.",
        NotWaiting = "Prosessen ventar ikkje lenger på nokon.",
        CloseRequest = "Lukk førespurnaden",
        Closed = "Førespurnaden er lukka; nærmaste leiar blir ikkje spurd meir.",
    };

    /// <summary>The page's title and the menu's link.</summary>
    public string Title { get; init; } = "Utestående";

    /// <summary>What the page is.</summary>
    public string Intro { get; init; } =
        "Dette venter nettverket på fra andre. «Send påminnelse nå» sender neste påminnelse med en gang; de faste påminnelsene går som før.";

    /// <summary>When nothing is awaited.</summary>
    public string Nothing { get; init; } = "Nettverket venter ikke på noen akkurat nå.";

    /// <summary>Heading of the pending signatures.</summary>
    public string Signatures { get; init; } = "Funksjonsbeskrivelser som venter på signatur";

    /// <summary>Column: whose turn it is.</summary>
    public string WaitingFor { get; init; } = "Venter på";

    /// <summary>Column: reminders sent.</summary>
    public string Reminders { get; init; } = "Påminnelser sendt";

    /// <summary>Column: when the signing expires.</summary>
    public string Deadline { get; init; } = "Frist";

    /// <summary>The button.</summary>
    public string RemindNow { get; init; } = "Send påminnelse nå";

    /// <summary>Heading of the open questionnaires.</summary>
    public string Questionnaires { get; init; } = "Spørreskjema som ikke er besvart";

    /// <summary>"{answered} of {expected} have answered."</summary>
    public string AnsweredOf { get; init; } = "{0} av {1} har svart.";

    /// <summary>Column: when it closes.</summary>
    public string Closes { get; init; } = "Stenger";

    /// <summary>Column: who should answer.</summary>
    public string Who { get; init; } = "Hvem";

    /// <summary>Column: the nurse the questionnaire is about.</summary>
    public string About { get; init; } = "Gjelder";

    /// <summary>Heading of the awaited documents.</summary>
    public string Documents { get; init; } = "Dokumenter og godkjenninger";

    /// <summary>Column: when it asks again.</summary>
    public string NextRequest { get; init; } = "Neste påminnelse";

    /// <summary>Heading of the open replacement requests.</summary>
    public string Replacements { get; init; } = "Forespørsler om ny ressurssykepleier";

    /// <summary>Column: the nurse who leaves.</summary>
    public string Leaving { get; init; } = "Slutter";

    /// <summary>Column: the leader asked.</summary>
    public string Asked { get; init; } = "Spurt";

    /// <summary>Column: link to the orchestration.</summary>
    public string Process { get; init; } = "Prosess";

    /// <summary>After the button.</summary>
    public string Sent { get; init; } = "Påminnelsen er sendt.";

    /// <summary>When another reminder went since the page was read.</summary>
    public string AlreadySent { get; init; } = "En påminnelse er allerede sendt siden siden ble lastet. Se oppdatert status under.";

    /// <summary>When the orchestration no longer waits.</summary>
    public string NotWaiting { get; init; } = "Prosessen venter ikke lenger på noen.";

    /// <summary>The button that stops asking for a replacement.</summary>
    public string CloseRequest { get; init; } = "Lukk forespørselen";

    /// <summary>After that button.</summary>
    public string Closed { get; init; } = "Forespørselen er lukket; nærmeste leder blir ikke spurt mer.";

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static WaitingTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;
}
