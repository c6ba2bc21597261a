using System.Text.Json;

namespace Workflows.Functions.CustomHandler;

/// <summary>What the Functions host posts to a custom handler for a non-HTTP trigger: binding data and metadata.</summary>
/// <param name="Data">Trigger and input binding values by binding name.</param>
/// <param name="Metadata">Trigger metadata (for example <c>sys</c> with the method name and UTC time).</param>
public sealed record InvocationRequest(
    IReadOnlyDictionary<string, JsonElement>? Data,
    IReadOnlyDictionary<string, JsonElement>? Metadata);
