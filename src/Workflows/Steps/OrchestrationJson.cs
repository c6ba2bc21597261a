using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Converters;

namespace Workflows.Steps;

/// <summary>
/// How orchestration inputs, outputs, custom status and events are written: camelCase with enums by name, the way
/// the HTTP API, the dashboard and the Durable Functions status payloads show them. The worker and the client use the
/// same converter, so what one writes the other reads.
/// </summary>
public static class OrchestrationJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The Durable Task SDK's converter over <see cref="Options"/>.</summary>
    public static JsonDataConverter Converter { get; } = new(Options);
}
