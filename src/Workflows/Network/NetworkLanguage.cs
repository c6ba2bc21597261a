using System.Text.Json.Serialization;

namespace Workflows.Network;

/// <summary>The written language a network uses towards nurses and leaders.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NetworkLanguage>))]
public enum NetworkLanguage
{
    /// <summary>Bokmål (<c>nb</c>): Ahus and Innlandet.</summary>
    [JsonStringEnumMemberName("nb")]
    Bokmal,

    /// <summary>Nynorsk (<c>nn</c>): Helse Førde.</summary>
    [JsonStringEnumMemberName("nn")]
    Nynorsk,
}
