using System.Text.Json.Serialization;

namespace Workflows.Signing;

/// <summary>Who signs a function description, in the order they sign.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignerRole>))]
public enum SignerRole
{
    /// <summary>The resource nurse, first.</summary>
    Nurse,

    /// <summary>The nurse's nearest leader, second.</summary>
    NearestLeader,

    /// <summary>The network leader, last.</summary>
    NetworkLeader,
}
