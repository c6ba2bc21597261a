using Workflows.Network;

namespace Workflows.Functions.Dashboard;

/// <summary>The words of the registration form, in Bokmål and Nynorsk.</summary>
public sealed record RegisterTexts
{
    private static readonly RegisterTexts Bokmal = new();

    private static readonly RegisterTexts Nynorsk = new()
    {
        Title = "Registrer ressurssjukepleiar",
        Intro = "Ressurssjukepleiaren får velkomstbrev og funksjonsskildring til signering på e-post. Deretter signerer nærmaste leiar og nettverksleiaren.",
        Unit = "Eining",
        ChooseUnit = "Vel eining",
        Name = "Fullt namn",
        Phone = "Telefon (valfritt)",
        StartDate = "Første dag i rolla (valfritt)",
        FurtherEducation = "Har vidareutdanning i palliasjon, kreftsjukepleie eller tilsvarande",
        Messages = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["unitId"] = "Vel eininga ressurssjukepleiaren høyrer til.",
            ["name"] = "Skriv inn fullt namn.",
            ["email"] = "Skriv inn ei gyldig e-postadresse, til dømes namn@kommune.no.",
            ["phone"] = "Skriv inn eit gyldig telefonnummer.",
            ["startDate"] = "Skriv inn ein gyldig dato.",
        },
    };

    /// <summary>The page's title.</summary>
    public string Title { get; init; } = "Registrer ressurssykepleier";

    /// <summary>What happens after.</summary>
    public string Intro { get; init; } =
        "Ressurssykepleieren får velkomstbrev og funksjonsbeskrivelse til signering på e-post. Deretter signerer nærmeste leder og nettverkslederen.";

    /// <summary>The unit field.</summary>
    public string Unit { get; init; } = "Enhet";

    /// <summary>The unit field's empty choice.</summary>
    public string ChooseUnit { get; init; } = "Velg enhet";

    /// <summary>The name field.</summary>
    public string Name { get; init; } = "Fullt navn";

    /// <summary>The email field.</summary>
    public string Email { get; init; } = "E-post";

    /// <summary>The phone field.</summary>
    public string Phone { get; init; } = "Telefon (valgfritt)";

    /// <summary>The start date field.</summary>
    public string StartDate { get; init; } = "Første dag i rollen (valgfritt)";

    /// <summary>The further education box.</summary>
    public string FurtherEducation { get; init; } = "Har videreutdanning i palliasjon, kreftsykepleie eller tilsvarende";

    /// <summary>The button.</summary>
    public string Submit { get; init; } = "Registrer og start onboarding";

    /// <summary>Each field's message when it has a fault.</summary>
    public IReadOnlyDictionary<string, string> Messages { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["unitId"] = "Velg enheten ressurssykepleieren hører til.",
        ["name"] = "Skriv inn fullt navn.",
        ["email"] = "Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no.",
        ["phone"] = "Skriv inn et gyldig telefonnummer.",
        ["startDate"] = "Skriv inn en gyldig dato.",
    };

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static RegisterTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;
}
