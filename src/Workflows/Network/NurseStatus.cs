using System.Text.Json.Serialization;

namespace Workflows.Network;

/// <summary>Where a resource nurse is in the service: from onboarding to gone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NurseStatus>))]
public enum NurseStatus
{
    /// <summary>Registered; the function description is being signed.</summary>
    Onboarding,

    /// <summary>In the function, function description signed.</summary>
    Active,

    /// <summary>The function description was not signed within the deadline; the network leader follows up.</summary>
    SigningExpired,

    /// <summary>Has resigned; still in the function until the end date.</summary>
    Resigning,

    /// <summary>No longer a resource nurse.</summary>
    Inactive,

    /// <summary>Inactive, and personal data deleted after the retention period; the service record remains.</summary>
    Erased,
}
