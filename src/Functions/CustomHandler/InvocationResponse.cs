using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Functions.CustomHandler;

/// <summary>What a custom handler answers the Functions host: output binding values, log lines and a return value.</summary>
/// <param name="Outputs">Output binding values by binding name.</param>
/// <param name="Logs">Lines the host writes to its log.</param>
/// <param name="ReturnValue">The function's return value, if any.</param>
/// <remarks>The host reads these names in PascalCase, unlike the rest of the API.</remarks>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, JsonElement> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] JsonElement? ReturnValue);
