using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Durable;

/// <summary>
/// Turns inputs, outputs, events and custom status into JSON and back (System.Text.Json, web defaults:
/// camelCase, case-insensitive reading, enums as strings).
/// </summary>
public sealed class JsonDataConverter
{
    /// <summary>The converter the engine uses.</summary>
    public static JsonDataConverter Default { get; } = new(CreateOptions());

    /// <summary>Creates a converter with the given options.</summary>
    public JsonDataConverter(JsonSerializerOptions options) => Options = options;

    /// <summary>The serializer options.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Serializes a value; null stays null.</summary>
    public string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Reads JSON as <typeparamref name="T"/>; null or empty reads as default.</summary>
    public T? Deserialize<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>Reads JSON as <paramref name="type"/>; null or empty reads as null.</summary>
    public object? Deserialize(string? json, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, type, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
