using Workflows.Network;

namespace Workflows.Functions.Dashboard;

/// <summary>The words of a resource nurse's page, in Bokmål and Nynorsk.</summary>
public sealed record NurseTexts
{
    private static readonly NurseTexts Bokmal = new();

    private static readonly NurseTexts Nynorsk = new()
    {
        StartDate = "Byrja i rolla",
        FunctionDescription = "Funksjonsskildring signert",
        Edit = "Endre opplysningar",
        LeaderName = "Nærmaste leiar, namn (tomt: leiaren til eininga)",
        LeaderEmail = "Nærmaste leiar, e-post",
        LeaderFault = "Skriv inn både namn og gyldig e-post for leiaren, eller la begge stå tomme.",
        Save = "Lagre",
        Saved = "Endringane er lagra.",
        Stale = "Nokon andre endra opplysningane medan du redigerte. Her er dei nye; gjer endringa på nytt.",
        Erased = "Personopplysningane er sletta; oversikta kan ikkje endrast.",
        Resignation = "Fråtreding",
    };

    /// <summary>Row: the first day in the role.</summary>
    public string StartDate { get; init; } = "Startet i rollen";

    /// <summary>Row: the last day.</summary>
    public string EndDate { get; init; } = "Siste dag";

    /// <summary>Row: the intro course.</summary>
    public string IntroCourse { get; init; } = "Introduksjonskurs";

    /// <summary>Row: the basic course.</summary>
    public string BasicCourse { get; init; } = "Grunnkurs";

    /// <summary>Row: when the function description was signed.</summary>
    public string FunctionDescription { get; init; } = "Funksjonsbeskrivelse signert";

    /// <summary>Heading of the edit form.</summary>
    public string Edit { get; init; } = "Endre opplysninger";

    /// <summary>The nearest leader's name field.</summary>
    public string LeaderName { get; init; } = "Nærmeste leder, navn (tomt: enhetens leder)";

    /// <summary>The nearest leader's email field.</summary>
    public string LeaderEmail { get; init; } = "Nærmeste leder, e-post";

    /// <summary>A half-filled or wrong nearest leader.</summary>
    public string LeaderFault { get; init; } = "Skriv inn både navn og gyldig e-post for lederen, eller la begge stå tomme.";

    /// <summary>The save button.</summary>
    public string Save { get; init; } = "Lagre";

    /// <summary>After saving.</summary>
    public string Saved { get; init; } = "Endringene er lagret.";

    /// <summary>When the record changed while the form was open.</summary>
    public string Stale { get; init; } = "Noen andre endret opplysningene mens du redigerte. Her er de nye; gjør endringen på nytt.";

    /// <summary>An erased nurse.</summary>
    public string Erased { get; init; } = "Personopplysningene er slettet; oversikten kan ikke endres.";

    /// <summary>Row: the onboarding's process.</summary>
    public string Onboarding { get; init; } = "Oppstart";

    /// <summary>Row: the resignation's process.</summary>
    public string Resignation { get; init; } = "Fratreden";

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static NurseTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;
}
