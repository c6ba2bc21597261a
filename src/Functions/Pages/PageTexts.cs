using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Functions.Pages;

/// <summary>The words of the signing, nomination and upload pages, in Bokmål and Nynorsk.</summary>
internal sealed record PageTexts(
    string Lang,
    string SignTitle,
    string SignFor,
    string SignAs,
    string Pdf,
    string Checksum,
    string Confirm,
    string Done,
    string NominateTitle,
    string NominateIntro,
    string Name,
    string Email,
    string Phone,
    string StartDate,
    string FurtherEducation,
    string Nominate,
    string Nominated,
    string Optional,
    string UploadTitle,
    string UploadIntro,
    string UploadFile,
    string Upload,
    string Uploaded,
    IReadOnlyDictionary<string, string> FieldErrors,
    IReadOnlyDictionary<LinkOutcome, (string Title, string Text)> Outcomes)
{
    public static PageTexts For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;

    private static readonly PageTexts Bokmal = new(
        "nb",
        "Signer funksjonsbeskrivelsen",
        "Funksjonsbeskrivelse for ressurssykepleier {0}, {1}.",
        "Du signerer som {0}: {1}.",
        "Åpne dokumentet som PDF",
        "Kontrollsum (SHA-256) for dokumentet",
        "Jeg bekrefter og signerer",
        "Takk! Signaturen din er registrert. Neste person får beskjed på e-post.",
        "Foreslå ny ressurssykepleier",
        "{0} slutter som ressurssykepleier i {1}. Fyll inn hvem som tar over, så får hun eller han velkomstbrev og funksjonsbeskrivelse til signering.",
        "Navn",
        "E-post",
        "Telefon",
        "Første dag i rollen",
        "Har videreutdanning i palliasjon, kreftsykepleie eller tilsvarende",
        "Send forslaget",
        "Takk! Den nye ressurssykepleieren er registrert og får velkomstbrev på e-post.",
        "valgfritt",
        "Last opp referatet",
        "Referat fra {0} {1}. Når det er lastet opp, sender vi det til lederne til ressurssykepleierne i området.",
        "Fil (PDF, DOCX eller ODT, høyst 20 MB)",
        "Last opp",
        "Takk! Referatet er lagret og sendes til lederne.",
        new Dictionary<string, string>
        {
            ["name"] = "Skriv inn fullt navn.",
            ["email"] = "Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no.",
            ["startDate"] = "Skriv inn en gyldig dato.",
        },
        new Dictionary<LinkOutcome, (string, string)>
        {
            [LinkOutcome.Forged] = ("Lenken er ikke gyldig", "Lenken er ufullstendig eller endret. Bruk lenken i e-posten du fikk, eller ta kontakt med nettverksleder."),
            [LinkOutcome.Expired] = ("Lenken har gått ut", "Fristen for denne lenken er passert. Ta kontakt med nettverksleder for en ny."),
            [LinkOutcome.Used] = ("Lenken er allerede brukt", "Dette er allerede registrert. Du trenger ikke gjøre noe mer."),
            [LinkOutcome.WrongStep] = ("Lenken gjelder ikke nå", "Det er ikke din tur ennå, eller det er sendt en nyere lenke. Bruk den nyeste e-posten."),
            [LinkOutcome.Closed] = ("Saken er avsluttet", "Denne saken er ferdig eller stoppet, så lenken kan ikke brukes lenger."),
        });

    private static readonly PageTexts Nynorsk = new(
        "nn",
        "Signer funksjonsskildringa",
        "Funksjonsskildring for ressurssjukepleiar {0}, {1}.",
        "Du signerer som {0}: {1}.",
        "Opne dokumentet som PDF",
        "Kontrollsum (SHA-256) for dokumentet",
        "Eg stadfestar og signerer",
        "Takk! Signaturen din er registrert. Neste person får melding på e-post.",
        "Foreslå ny ressurssjukepleiar",
        "{0} sluttar som ressurssjukepleiar i {1}. Fyll inn kven som tek over, så får ho eller han velkomstbrev og funksjonsskildring til signering.",
        "Namn",
        "E-post",
        "Telefon",
        "Første dag i rolla",
        "Har vidareutdanning i palliasjon, kreftsjukepleie eller liknande",
        "Send forslaget",
        "Takk! Den nye ressurssjukepleiaren er registrert og får velkomstbrev på e-post.",
        "valfritt",
        "Last opp referatet",
        "Referat frå {0} {1}. Når det er lasta opp, sender vi det til leiarane til ressurssjukepleiarane i området.",
        "Fil (PDF, DOCX eller ODT, høgst 20 MB)",
        "Last opp",
        "Takk! Referatet er lagra og blir sendt til leiarane.",
        new Dictionary<string, string>
        {
            ["name"] = "Skriv inn fullt namn.",
            ["email"] = "Skriv inn ei gyldig e-postadresse, til dømes namn@kommune.no.",
            ["startDate"] = "Skriv inn ein gyldig dato.",
        },
        new Dictionary<LinkOutcome, (string, string)>
        {
            [LinkOutcome.Forged] = ("Lenkja er ikkje gyldig", "Lenkja er ufullstendig eller endra. Bruk lenkja i e-posten du fekk, eller ta kontakt med nettverksleiaren."),
            [LinkOutcome.Expired] = ("Lenkja har gått ut", "Fristen for denne lenkja er passert. Ta kontakt med nettverksleiaren for ei ny."),
            [LinkOutcome.Used] = ("Lenkja er allereie brukt", "Dette er allereie registrert. Du treng ikkje gjere noko meir."),
            [LinkOutcome.WrongStep] = ("Lenkja gjeld ikkje no", "Det er ikkje din tur enno, eller det er sendt ei nyare lenkje. Bruk den nyaste e-posten."),
            [LinkOutcome.Closed] = ("Saka er avslutta", "Denne saka er ferdig eller stoppa, så lenkja kan ikkje brukast lenger."),
        });
}
