using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using DurableTask.Core.History;

namespace Workflows.Functions.Api;

/// <summary>An instance's status in the Durable Functions HTTP API's shape.</summary>
public sealed record InstanceStatusPayload
{
    /// <summary>The orchestrator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Running, Completed, Failed, Terminated, Pending, Suspended…</summary>
    public required string RuntimeStatus { get; init; }

    /// <summary>The input, when asked for.</summary>
    public JsonNode? Input { get; init; }

    /// <summary>The custom status.</summary>
    public JsonNode? CustomStatus { get; init; }

    /// <summary>The output, or the failure for a failed instance.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedTime { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTimeOffset LastUpdatedTime { get; init; }

    /// <summary>The history, when asked for.</summary>
    public IReadOnlyList<JsonNode?>? HistoryEvents { get; init; }

    /// <summary>Builds the payload from stored metadata and, optionally, history.</summary>
    public static InstanceStatusPayload From(OrchestrationMetadata metadata, bool showInput, IEnumerable<HistoryEvent>? history)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new InstanceStatusPayload
        {
            Name = metadata.Name,
            InstanceId = metadata.InstanceId,
            RuntimeStatus = metadata.RuntimeStatus.ToString(),
            Input = showInput ? Parse(metadata.SerializedInput) : null,
            CustomStatus = Parse(metadata.SerializedCustomStatus),
            Output = metadata.FailureDetails is { } failure
                ? JsonSerializer.SerializeToNode(failure, JsonSerializerOptions.Web)
                : Parse(metadata.SerializedOutput),
            CreatedTime = metadata.CreatedAt,
            LastUpdatedTime = metadata.LastUpdatedAt,
            HistoryEvents = history?.Select(Serialize).ToList(),
        };
    }

    /// <summary>
    /// A history event as Durable Functions shows it: DurableTask.Core's event with its <c>EventType</c> by name.
    /// </summary>
    private static JsonNode? Serialize(HistoryEvent e) =>
        JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(e, new Newtonsoft.Json.Converters.StringEnumConverter()));

    private static JsonNode? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json);
}
