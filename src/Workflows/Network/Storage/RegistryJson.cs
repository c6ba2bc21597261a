using System.Text.Json;

namespace Workflows.Network.Storage;

/// <summary>How registry entities are written as JSON: web casing, nulls left out, enums by name.</summary>
public static class RegistryJson
{
    /// <summary>The serializer options for entities, audit changes and the operator API.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
