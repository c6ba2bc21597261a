using System.Text.Json.Serialization;

namespace Workflows.Network;

/// <summary>The kinds of unit that treat palliative patients and should each have a resource nurse.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
public enum UnitKind
{
    /// <summary>A hospital department (sengepost, poliklinikk).</summary>
    HospitalDepartment,

    /// <summary>A nursing home (sykehjem / sjukeheim).</summary>
    NursingHome,

    /// <summary>A home-care zone (hjemmesykepleie / heimesjukepleie).</summary>
    HomeCare,

    /// <summary>A municipality or city district as a whole.</summary>
    Municipality,
}
