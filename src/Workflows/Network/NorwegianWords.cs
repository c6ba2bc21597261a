using Workflows.Signing;

namespace Workflows.Network;

/// <summary>The handful of words lists and letters need in Bokmål or Nynorsk, each enum value's word named with the value.</summary>
public sealed class NorwegianWords
{
    private static readonly NorwegianWords Bokmal = new(
        "Ja",
        "Nei",
        new Dictionary<UnitKind, string>
        {
            [Network.UnitKind.HospitalDepartment] = "Sykehusavdeling",
            [Network.UnitKind.NursingHome] = "Sykehjem",
            [Network.UnitKind.HomeCare] = "Hjemmesykepleie",
            [Network.UnitKind.Municipality] = "Kommune/bydel",
        },
        new Dictionary<NurseStatus, string>
        {
            [NurseStatus.Onboarding] = "Under oppstart",
            [NurseStatus.Active] = "Aktiv",
            [NurseStatus.SigningExpired] = "Signering utløpt",
            [NurseStatus.Resigning] = "Fratrer",
            [NurseStatus.Inactive] = "Inaktiv",
            [NurseStatus.Erased] = "Personopplysninger slettet",
        },
        new Dictionary<SignerRole, string>
        {
            [Signing.SignerRole.Nurse] = "Ressurssykepleier",
            [Signing.SignerRole.NearestLeader] = "Nærmeste leder",
            [Signing.SignerRole.NetworkLeader] = "Nettverksleder",
        },
        "Du får denne e-posten fordi du er med i et kompetansenettverk i palliasjon.");

    private static readonly NorwegianWords Nynorsk = new(
        "Ja",
        "Nei",
        new Dictionary<UnitKind, string>
        {
            [Network.UnitKind.HospitalDepartment] = "Sjukehusavdeling",
            [Network.UnitKind.NursingHome] = "Sjukeheim",
            [Network.UnitKind.HomeCare] = "Heimesjukepleie",
            [Network.UnitKind.Municipality] = "Kommune/bydel",
        },
        new Dictionary<NurseStatus, string>
        {
            [NurseStatus.Onboarding] = "Under oppstart",
            [NurseStatus.Active] = "Aktiv",
            [NurseStatus.SigningExpired] = "Signering gått ut",
            [NurseStatus.Resigning] = "Fråtrer",
            [NurseStatus.Inactive] = "Inaktiv",
            [NurseStatus.Erased] = "Personopplysningar sletta",
        },
        new Dictionary<SignerRole, string>
        {
            [Signing.SignerRole.Nurse] = "Ressurssjukepleiar",
            [Signing.SignerRole.NearestLeader] = "Nærmaste leiar",
            [Signing.SignerRole.NetworkLeader] = "Nettverksleiar",
        },
        "Du får denne e-posten fordi du er med i eit nettverk av ressurssjukepleiarar.");

    private readonly IReadOnlyDictionary<UnitKind, string> unitKinds;
    private readonly IReadOnlyDictionary<NurseStatus, string> statuses;
    private readonly IReadOnlyDictionary<SignerRole, string> signerRoles;

    private NorwegianWords(
        string yes,
        string no,
        IReadOnlyDictionary<UnitKind, string> unitKinds,
        IReadOnlyDictionary<NurseStatus, string> statuses,
        IReadOnlyDictionary<SignerRole, string> signerRoles,
        string emailFooter)
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

    /// <summary>Every word this language has for each enum's values, for tests that every value has one.</summary>
    internal (IEnumerable<UnitKind> UnitKinds, IEnumerable<NurseStatus> Statuses, IEnumerable<SignerRole> SignerRoles) Named =>
        (unitKinds.Keys, statuses.Keys, signerRoles.Keys);

    /// <summary>The words of <paramref name="language"/>.</summary>
    public static NorwegianWords For(NetworkLanguage language) => language == NetworkLanguage.Nynorsk ? Nynorsk : Bokmal;

    /// <summary>A unit kind in words.</summary>
    public string UnitKind(UnitKind kind) => unitKinds[kind];

    /// <summary>A nurse status in words.</summary>
    public string Status(NurseStatus status) => statuses[status];

    /// <summary>A signer's role (nurse, nearest leader, network leader) in words.</summary>
    public string SignerRole(SignerRole role) => signerRoles[role];
}
