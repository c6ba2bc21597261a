using Workflows.Network;

namespace Workflows.Functions.Dashboard;

/// <summary>The words of the resignation form, in Bokmål and Nynorsk.</summary>
public sealed record ResignationTexts
{
    private static readonly ResignationTexts Bokmal = new();

    private static readonly ResignationTexts Nynorsk = new()
    {
        Title = "Meld at ein ressurssjukepleiar sluttar",
        Intro = "Nettverksleiaren, områdeleiaren og nærmaste leiar får melding. Nærmaste leiar blir spurd om ein ny ressurssjukepleiar, med påminning kvar 14. dag. Ressurssjukepleiaren står på namnelista til og med siste dag.",
        Nurse = "Ressurssjukepleiar",
        ChooseNurse = "Vel ressurssjukepleiar",
        EndDate = "Siste dag i rolla",
        ReportedBy = "Kven melde det?",
        ByOperator = "Nettverksleiar eller arbeidsgruppa",
        ByNurse = "Ressurssjukepleiaren sjølv",
        ByLeader = "Nærmaste leiar",
        Submit = "Meld fråtreding",
        NurseMissing = "Vel ressurssjukepleiaren som sluttar.",
        NurseGone = "Ressurssjukepleiaren har alt slutta, eller fråtreding er alt meld.",
        EndDateInvalid = "Skriv inn ein gyldig dato, ikkje før ressurssjukepleiaren byrja.",
    };

    /// <summary>The page's title.</summary>
    public string Title { get; init; } = "Meld at en ressurssykepleier slutter";

    /// <summary>What happens after.</summary>
    public string Intro { get; init; } =
        "Nettverkslederen, områdelederen og nærmeste leder får beskjed. Nærmeste leder blir spurt om en ny ressurssykepleier, med påminnelse hver 14. dag. Ressurssykepleieren står på navnelisten til og med siste dag.";

    /// <summary>The nurse field.</summary>
    public string Nurse { get; init; } = "Ressurssykepleier";

    /// <summary>The nurse field's empty choice.</summary>
    public string ChooseNurse { get; init; } = "Velg ressurssykepleier";

    /// <summary>The end date field.</summary>
    public string EndDate { get; init; } = "Siste dag i rollen";

    /// <summary>The reporter's group of choices.</summary>
    public string ReportedBy { get; init; } = "Hvem meldte det?";

    /// <summary>Reported by the operator.</summary>
    public string ByOperator { get; init; } = "Nettverksleder eller arbeidsgruppen";

    /// <summary>Reported by the nurse.</summary>
    public string ByNurse { get; init; } = "Ressurssykepleieren selv";

    /// <summary>Reported by the nearest leader.</summary>
    public string ByLeader { get; init; } = "Nærmeste leder";

    /// <summary>The button.</summary>
    public string Submit { get; init; } = "Meld fratreden";

    /// <summary>No nurse chosen.</summary>
    public string NurseMissing { get; init; } = "Velg ressurssykepleieren som slutter.";

    /// <summary>The nurse has left or is leaving already.</summary>
    public string NurseGone { get; init; } = "Ressurssykepleieren har allerede sluttet, eller fratreden er allerede meldt.";

    /// <summary>A missing, unreadable or too early end date.</summary>
    public string EndDateInvalid { get; init; } = "Skriv inn en gyldig dato, ikke før ressurssykepleieren begynte.";

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static ResignationTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;
}
