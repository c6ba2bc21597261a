namespace Workflows.Network;

/// <summary>The handful of words lists and letters need in Bokmål or Nynorsk.</summary>
public sealed class NorwegianWords
{
    private static readonly NorwegianWords Bokmal = new(
        "Ja", "Nei", ["Sykehusavdeling", "Sykehjem", "Hjemmesykepleie", "Kommune/bydel"],
        ["Under oppstart", "Aktiv", "Signering utløpt", "Fratrer", "Inaktiv", "Personopplysninger slettet"],
        ["Ressurssykepleier", "Nærmeste leder", "Nettverksleder"],
        "Du får denne e-posten fordi du er med i et kompetansenettverk i palliasjon.");

    private static readonly NorwegianWords Nynorsk = new(
        "Ja", "Nei", ["Sjukehusavdeling", "Sjukeheim", "Heimesjukepleie", "Kommune/bydel"],
        ["Under oppstart", "Aktiv", "Signering gått ut", "Fråtrer", "Inaktiv", "Personopplysningar sletta"],
        ["Ressurssjukepleiar", "Nærmaste leiar", "Nettverksleiar"],
        "Du får denne e-posten fordi du er med i eit nettverk av ressurssjukepleiarar.");

    private readonly string[] unitKinds;
    private readonly string[] statuses;
    private readonly string[] signerRoles;

    private NorwegianWords(string yes, string no, string[] unitKinds, string[] statuses, string[] signerRoles, string emailFooter)
    {
        EmailFooter = emailFooter;
        Yes = yes;
        No = no;
        this.unitKinds = unitKinds;
        this.statuses = statuses;
        this.signerRoles = signerRoles;
    }

    /// <summary>"Ja".</summary>
    public string Yes { get; }

    /// <summary>The line at the foot of every email: why the reader gets it.</summary>
    public string EmailFooter { get; }

    /// <summary>"Nei".</summary>
    public string No { get; }

    /// <summary>The words of <paramref name="language"/>.</summary>
    public static NorwegianWords For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;

    /// <summary>A unit kind in words.</summary>
    public string UnitKind(UnitKind kind) => unitKinds[(int)kind];

    /// <summary>A nurse status in words.</summary>
    public string Status(NurseStatus status) => statuses[(int)status];

    /// <summary>A signer's role (nurse, nearest leader, network leader) in words.</summary>
    public string SignerRole(int order) => signerRoles[order];
}
