using System.Text.Json.Serialization;

namespace Workflows.Signing;

/// <summary>What a link token grants: one step of one orchestration, once, until it expires.</summary>
/// <param name="Purpose">What the link is for: <c>sign</c> or <c>nominate</c>.</param>
/// <param name="InstanceId">The orchestration the action is for.</param>
/// <param name="Subject">The nurse the action concerns.</param>
/// <param name="Step">The step within the orchestration, such as the signer's role.</param>
/// <param name="TokenId">A unique id: the link is spent when an action with this id is recorded.</param>
/// <param name="Expires">When the link stops working.</param>
/// <param name="Name">The person the link was made for, when the flow needs their name (course registration).</param>
public sealed record LinkClaim(
    [property: JsonPropertyName("p")] string Purpose,
    [property: JsonPropertyName("i")] string InstanceId,
    [property: JsonPropertyName("s")] string Subject,
    [property: JsonPropertyName("t")] string Step,
    [property: JsonPropertyName("n")] string TokenId,
    [property: JsonPropertyName("e")] DateTimeOffset Expires,
    [property: JsonPropertyName("m")] string? Name = null);
