using System.Text.Json.Serialization;

namespace Workflows.Signing;

/// <summary>What a signing or nomination link led to; every state but <see cref="Ready"/> and <see cref="Done"/> changed nothing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LinkOutcome>))]
public enum LinkOutcome
{
    /// <summary>The link is good: show the form.</summary>
    Ready,

    /// <summary>The action was taken now.</summary>
    Done,

    /// <summary>Not a link we made, or altered.</summary>
    Forged,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Already used.</summary>
    Used,

    /// <summary>Genuine, but not for the step the flow is waiting for (not this signer's turn, or a newer link exists).</summary>
    WrongStep,

    /// <summary>The flow it belongs to has finished or was stopped.</summary>
    Closed,
}
