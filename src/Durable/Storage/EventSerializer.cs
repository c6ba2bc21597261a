using System.Text.Json;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>Reads and writes history events and the other records stores keep as JSON.</summary>
public static class EventSerializer
{
    private static JsonSerializerOptions Options => JsonDataConverter.Default.Options;

    /// <summary>Writes an event with its type discriminator.</summary>
    public static string Serialize(HistoryEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>Reads an event written by <see cref="Serialize(HistoryEvent)"/>.</summary>
    public static HistoryEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, Options) ?? throw new JsonException("A stored history event was empty.");

    /// <summary>Writes any record (failure details, parent references); null stays null.</summary>
    public static string? SerializeRecord<T>(T? value) where T : class => value is null ? null : JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a record written by <see cref="SerializeRecord{T}"/>.</summary>
    public static T? DeserializeRecord<T>(string? json) where T : class =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, Options);
}
