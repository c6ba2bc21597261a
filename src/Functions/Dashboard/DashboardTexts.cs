using Workflows.Network;
using Workflows.Wheel.Events;
using Workflows.Wheel.Overview;

namespace Workflows.Functions.Dashboard;

/// <summary>The dashboard's words in Bokmål and Nynorsk.</summary>
public sealed record DashboardTexts(
    string Lang,
    string Product,
    string SkipToContent,
    string Networks,
    string Wheel,
    string NameList,
    string SignOut,
    string Year,
    string Show,
    string Date,
    string Event,
    string Status,
    string Details,
    string Area,
    string Unit,
    string Municipality,
    string Nurse,
    string Email,
    string AllAreas,
    string DownloadCsv,
    string UncoveredTitle,
    string Covered,
    string NoNurses,
    IReadOnlyDictionary<WheelEventState, string> States,
    IReadOnlyDictionary<WheelPhase, string> Phases)
{
    /// <summary>The language these words are in.</summary>
    public NetworkLanguage Language => Lang == "nn" ? NetworkLanguage.Nynorsk : NetworkLanguage.Bokmal;

    /// <summary>The menu's link to the orchestrations.</summary>
    public string Processes { get; init; } = "Prosesser";

    /// <summary>The menu's link to the registration form.</summary>
    public string RegisterNurse { get; init; } = "Registrer ressurssykepleier";

    /// <summary>The menu's link to the resignation form.</summary>
    public string ReportResignation { get; init; } = "Meld fratreden";

    /// <summary>"Events", as in "14 events".</summary>
    public string EventsWord { get; init; } = "Hendelser";

    /// <summary>The legend's name of today's line.</summary>
    public string Today { get; init; } = "I dag";

    /// <summary>An event with no orchestration yet.</summary>
    public string NotStarted { get; init; } = "Ikke startet";

    /// <summary>The button that runs the wheel's daily start now.</summary>
    public string StartDueNow { get; init; } = "Start det som skal i gang i dag";

    /// <summary>What the button did: "{0} started."</summary>
    public string StartedCount { get; init; } = "{0} startet.";

    /// <summary>What the button did when nothing was due.</summary>
    public string NothingDue { get; init; } = "Ingenting mer skal i gang i dag.";

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static DashboardTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;

    private static readonly DashboardTexts Bokmal = new(
        "nb", "Kompetansenettverk i palliasjon", "Hopp til innholdet", "Nettverk", "Årshjul", "Navneliste og dekning", "Logg ut",
        "År", "Vis", "Dato", "Hendelse", "Status", "Detaljer", "Område", "Enhet", "Kommune", "Ressurssykepleier", "E-post",
        "Alle områder", "Last ned som CSV (Excel)", "Enheter uten ressurssykepleier", "{0} av {1} enheter har ressurssykepleier.", "Ingen ressurssykepleiere her ennå.",
        new Dictionary<WheelEventState, string>
        {
            [WheelEventState.Planned] = "Planlagt",
            [WheelEventState.Due] = "Starter ved neste kjøring",
            [WheelEventState.Running] = "Pågår",
            [WheelEventState.Done] = "Ferdig",
            [WheelEventState.Stopped] = "Stoppet",
            [WheelEventState.Missed] = "Ikke gjennomført",
        },
        new Dictionary<WheelPhase, string>
        {
            [WheelPhase.Inviting] = "sender invitasjoner",
            [WheelPhase.Invited] = "invitasjoner sendt",
            [WheelPhase.RegistrationOpen] = "påmelding åpen",
            [WheelPhase.CollectingAnswers] = "venter på svar",
            [WheelPhase.Held] = "gjennomføres",
            [WheelPhase.AwaitingAttendance] = "venter på oppmøteliste",
            [WheelPhase.AwaitingDocument] = "venter på dokument",
            [WheelPhase.AwaitingApproval] = "venter på godkjenning",
            [WheelPhase.Approved] = "godkjent, publiseres",
            [WheelPhase.Done] = "ferdig",
            [WheelPhase.DocumentMissing] = "dokumentet kom ikke",
            [WheelPhase.AttendanceMissing] = "oppmøte ikke registrert",
            [WheelPhase.NotApproved] = "ikke godkjent",
        });

    private static readonly DashboardTexts Nynorsk = Bokmal with
    {
        Lang = "nn",
        RegisterNurse = "Registrer ressurssjukepleiar",
        EventsWord = "Hendingar",
        NotStarted = "Ikkje starta",
        StartDueNow = "Start det som skal i gang i dag",
        StartedCount = "{0} starta.",
        NothingDue = "Ingenting meir skal i gang i dag.",
        ReportResignation = "Meld fråtreding",
        SkipToContent = "Hopp til innhaldet",
        NameList = "Namneliste og dekning",
        Event = "Hending",
        Unit = "Eining",
        Nurse = "Ressurssjukepleiar",
        AllAreas = "Alle område",
        UncoveredTitle = "Einingar utan ressurssjukepleiar",
        Covered = "{0} av {1} einingar har ressurssjukepleiar.",
        NoNurses = "Ingen ressurssjukepleiarar her enno.",
        States = new Dictionary<WheelEventState, string>
        {
            [WheelEventState.Planned] = "Planlagd",
            [WheelEventState.Due] = "Startar ved neste køyring",
            [WheelEventState.Running] = "Pågår",
            [WheelEventState.Done] = "Ferdig",
            [WheelEventState.Stopped] = "Stoppa",
            [WheelEventState.Missed] = "Ikkje gjennomført",
        },
        Phases = new Dictionary<WheelPhase, string>
        {
            [WheelPhase.Inviting] = "sender invitasjonar",
            [WheelPhase.Invited] = "invitasjonar sende",
            [WheelPhase.RegistrationOpen] = "påmelding open",
            [WheelPhase.CollectingAnswers] = "ventar på svar",
            [WheelPhase.Held] = "blir gjennomført",
            [WheelPhase.AwaitingAttendance] = "ventar på oppmøteliste",
            [WheelPhase.AwaitingDocument] = "ventar på dokument",
            [WheelPhase.AwaitingApproval] = "ventar på godkjenning",
            [WheelPhase.Approved] = "godkjend, blir publisert",
            [WheelPhase.Done] = "ferdig",
            [WheelPhase.DocumentMissing] = "dokumentet kom ikkje",
            [WheelPhase.AttendanceMissing] = "oppmøte ikkje registrert",
            [WheelPhase.NotApproved] = "ikkje godkjend",
        },
    };
}
