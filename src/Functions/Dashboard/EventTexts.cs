using Workflows.Network;

namespace Workflows.Functions.Dashboard;

/// <summary>The words of a wheel event's page, in Bokmål and Nynorsk.</summary>
public sealed record EventTexts
{
    private static readonly EventTexts Bokmal = new();

    private static readonly EventTexts Nynorsk = new()
    {
        Where = "Stad",
        Invited = "Inviterte",
        Reminders = "Påminningar sende",
        NextStep = "Neste steg",
        Answered = "Svar",
        Seats = "Plassar",
        SeatedCaption = "Påmelde med plass",
        WaitlistCaption = "Venteliste",
        Attended = "Møtte",
        NoOne = "Ingen påmelde enno.",
        AttendanceLegend = "Kven møtte? Kryss av og registrer; deltakarane får kursbevis.",
        RecordAttendance = "Registrer oppmøte",
        AttendanceRecorded = "Oppmøtet er registrert. Kursbevisa blir sende.",
        AttendanceEmpty = "Kryss av for minst éin deltakar.",
        AttendanceClosed = "Kurset ventar ikkje på oppmøteliste (det er ikkje halde enno, eller det er ferdig).",
        NewsletterLabel = "Teksten i nyheitsbrevet (avsnitt skilde med tom linje)",
        NewsletterSubmit = "Lag PDF og send nyheitsbrevet",
        NewsletterSent = "Nyheitsbrevet er laga og blir sendt.",
        NewsletterEmpty = "Skriv teksten i nyheitsbrevet.",
        NewsletterTooLong = "Teksten er for lang (høgst {0} teikn).",
        NewsletterClosed = "Nyheitsbrevet ventar ikkje på tekst lenger.",
        Process = "Prosessen",
    };

    /// <summary>Label: where it takes place.</summary>
    public string Where { get; init; } = "Sted";

    /// <summary>Label: people invited.</summary>
    public string Invited { get; init; } = "Inviterte";

    /// <summary>Label: reminders sent.</summary>
    public string Reminders { get; init; } = "Påminnelser sendt";

    /// <summary>Label: when the next step happens.</summary>
    public string NextStep { get; init; } = "Neste steg";

    /// <summary>Label: questionnaires answered.</summary>
    public string Answered { get; init; } = "Svar";

    /// <summary>Label: seats taken of capacity.</summary>
    public string Seats { get; init; } = "Plasser";

    /// <summary>Caption of the seated registrants.</summary>
    public string SeatedCaption { get; init; } = "Påmeldte med plass";

    /// <summary>Caption of the waitlist.</summary>
    public string WaitlistCaption { get; init; } = "Venteliste";

    /// <summary>Column: attended.</summary>
    public string Attended { get; init; } = "Møtte";

    /// <summary>An empty roster.</summary>
    public string NoOne { get; init; } = "Ingen påmeldte ennå.";

    /// <summary>The attendance form's legend.</summary>
    public string AttendanceLegend { get; init; } = "Hvem møtte? Kryss av og registrer; deltakerne får kursbevis.";

    /// <summary>The attendance button.</summary>
    public string RecordAttendance { get; init; } = "Registrer oppmøte";

    /// <summary>After the attendance button.</summary>
    public string AttendanceRecorded { get; init; } = "Oppmøtet er registrert. Kursbevisene sendes.";

    /// <summary>No one ticked.</summary>
    public string AttendanceEmpty { get; init; } = "Kryss av for minst én deltaker.";

    /// <summary>The course does not wait for attendance.</summary>
    public string AttendanceClosed { get; init; } = "Kurset venter ikke på oppmøteliste (det er ikke holdt ennå, eller det er ferdig).";

    /// <summary>The newsletter text's label.</summary>
    public string NewsletterLabel { get; init; } = "Teksten i nyhetsbrevet (avsnitt skilt med tom linje)";

    /// <summary>The newsletter button.</summary>
    public string NewsletterSubmit { get; init; } = "Lag PDF og send nyhetsbrevet";

    /// <summary>After the newsletter button.</summary>
    public string NewsletterSent { get; init; } = "Nyhetsbrevet er laget og sendes.";

    /// <summary>An empty newsletter.</summary>
    public string NewsletterEmpty { get; init; } = "Skriv teksten i nyhetsbrevet.";

    /// <summary>A newsletter over the limit: "{0}" is the limit.</summary>
    public string NewsletterTooLong { get; init; } = "Teksten er for lang (høyst {0} tegn).";

    /// <summary>The newsletter does not wait for text.</summary>
    public string NewsletterClosed { get; init; } = "Nyhetsbrevet venter ikke på tekst lenger.";

    /// <summary>Link to the orchestration.</summary>
    public string Process { get; init; } = "Prosessen";

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static EventTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;
}
